using System.Text;
using System.Text.Json;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Simulator.Scenarios;
using LiveCommerce.Simulator.Swarm;

namespace LiveCommerce.Tests.LoadClient;

/// <summary>The bare-socket viewers' SignalR JSON framing.</summary>
public sealed class JsonHubFramingTests
{
    [Fact]
    public void AnInvocationTemplateWritesOneRecordPerIdWithTheArguments()
    {
        var claim = new InvocationTemplate("ClaimOffer", "stream-1", "offer \"2\"");
        var buffer = new byte[claim.MaxLength];

        foreach (var id in new[] { 0L, 7L, long.MaxValue })
        {
            var length = claim.Write(buffer, id);

            Assert.Equal(JsonHubFraming.RecordSeparator, buffer[length - 1]);
            using var record = JsonDocument.Parse(buffer.AsMemory(0, length - 1));
            Assert.Equal(1, record.RootElement.GetProperty("type").GetInt32());
            Assert.Equal("ClaimOffer", record.RootElement.GetProperty("target").GetString());
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), record.RootElement.GetProperty("invocationId").GetString());
            Assert.Equal(["stream-1", "offer \"2\""], record.RootElement.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
        }
    }

    [Fact]
    public void RecordsAreToldApart()
    {
        var handshake = JsonHubFraming.Parse("{}"u8);
        Assert.Equal(HubMessageType.Handshake, handshake.Type);
        Assert.Null(handshake.Error);

        var refused = JsonHubFraming.Parse("{\"error\":\"Requested protocol 'x' is not available.\"}"u8);
        Assert.Equal(HubMessageType.Handshake, refused.Type);
        Assert.Equal("Requested protocol 'x' is not available.", refused.Error);

        var pinned = JsonHubFraming.Parse("{\"type\":1,\"target\":\"ProductPinned\",\"arguments\":[{\"productId\":\"p\",\"price\":{\"amount\":1,\"currency\":\"IDR\"}}]}"u8);
        Assert.Equal(HubMessageType.Invocation, pinned.Type);
        Assert.Equal(HubEventKind.ProductPinned, pinned.Event);

        var count = JsonHubFraming.Parse("{\"type\":1,\"target\":\"ViewerCount\",\"arguments\":[{\"streamId\":\"s\",\"count\":3}]}"u8);
        Assert.Equal(HubEventKind.Other, count.Event);

        var claimed = JsonHubFraming.Parse("{\"type\":3,\"invocationId\":\"42\",\"result\":{\"status\":\"reserved\",\"reservationId\":\"r\",\"expiresAt\":null}}"u8);
        Assert.Equal(HubMessageType.Completion, claimed.Type);
        Assert.Equal(42, claimed.InvocationId);
        Assert.Same(ClaimStatus.Reserved, claimed.Status);
        Assert.False(claimed.IsError);

        var empty = JsonHubFraming.Parse("{\"type\":3,\"invocationId\":\"43\",\"result\":null}"u8);
        Assert.Equal(43, empty.InvocationId);
        Assert.Null(empty.Status);

        var failed = JsonHubFraming.Parse("{\"type\":3,\"invocationId\":\"44\",\"error\":\"Sign in to claim offers.\"}"u8);
        Assert.True(failed.IsError);
        Assert.Equal("Sign in to claim offers.", failed.Error);

        Assert.Equal(HubMessageType.Ping, JsonHubFraming.Parse("{\"type\":6}"u8).Type);
    }

    [Fact]
    public void TheBaselineFrameIsAProductPinnedRecord()
    {
        var frame = BenchTarget.ProductPinnedFrame();

        Assert.Equal(JsonHubFraming.RecordSeparator, frame[^1]);
        var record = JsonHubFraming.Parse(frame.AsSpan(0, frame.Length - 1));
        Assert.Equal(HubMessageType.Invocation, record.Type);
        Assert.Equal(HubEventKind.ProductPinned, record.Event);
        Assert.Contains("\"sellerKindVerified\"", Encoding.UTF8.GetString(frame), StringComparison.Ordinal);
    }
}
