using System.Text.Json;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Simulator.Baseline;
using LiveCommerce.Simulator.Swarm;

namespace LiveCommerce.Simulator.Scenarios;

/// <summary>What the bench-* scenarios share: where the sockets go, joining, and the baseline's broadcast frame.</summary>
public static class BenchTarget
{
    /// <summary>The WebSocket address of the engine's hub, or of the baseline's socket endpoint, at <paramref name="baseAddress"/>.</summary>
    public static Uri SocketOf(Uri baseAddress, bool baseline)
    {
        var socket = new UriBuilder(new Uri(baseAddress, baseline ? BroadcastBaseline.SocketPath : HubMethods.Path));
        socket.Scheme = socket.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs;
        return socket.Uri;
    }

    /// <summary>Viewer <c>i</c>'s socket address: the targets round-robin.</summary>
    public static Func<int, Uri> Endpoints(SimulatorOptions options)
    {
        var sockets = options.Urls.Select(url => SocketOf(url, options.AgainstBaseline)).ToArray();
        return index => sockets[index % sockets.Length];
    }

    /// <summary>Joins the viewer to <paramref name="streamId"/> (<c>JoinStream</c>), failing on an error completion.</summary>
    public static Func<RawViewer, Task> Join(string streamId)
    {
        var join = new InvocationTemplate(HubMethods.JoinStream, streamId);
        return async viewer =>
        {
            var outcome = await viewer.InvokeAsync(join);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"JoinStream failed: {outcome.Error}");
            }
        };
    }

    /// <summary>
    /// A <c>ProductPinned</c> invocation record shaped like the engine's (a product card like the demo shop's, in the
    /// contract's JSON), for the baseline to broadcast: the same size and the same parsing work for the viewers.
    /// </summary>
    public static byte[] ProductPinnedFrame()
    {
        var card = new ProductCard
        {
            ProductId = Guid.NewGuid().ToString("N"),
            StreamId = Guid.NewGuid().ToString("N"),
            Name = "Batik Simulasi 1",
            ImageUrl = null,
            Price = new Money(150_000, "IDR"),
            Stock = 100,
            SellerKind = SellerKinds.LocalSme,
            Category = "batik",
            VerifiedSellerKind = null,
        };
        using var frame = new MemoryStream();
        using (var writer = new Utf8JsonWriter(frame))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type"u8, (int)HubMessageType.Invocation);
            writer.WriteString("target"u8, HubEvents.ProductPinned);
            writer.WriteStartArray("arguments"u8);
            JsonSerializer.Serialize(writer, card, LiveJson.Options);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        frame.WriteByte(JsonHubFraming.RecordSeparator);
        return frame.ToArray();
    }
}
