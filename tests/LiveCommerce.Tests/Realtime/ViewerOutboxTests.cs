using System.IO.Pipelines;
using System.Text.Json;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Silo.Realtime;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Tests.Realtime;

/// <summary>
/// A connection's outbox over a real pipe that nobody reads (a viewer who stopped reading): writes never wait, folded
/// events keep only their latest value, everything else stays in order, and a full outbox closes the connection.
/// </summary>
public sealed class ViewerOutboxTests
{
    private static readonly JsonHubProtocol Json = new(Options.Create(JsonOptions()));

    private static readonly MessagePackHubProtocol MessagePack =
        new(Options.Create(new MessagePackHubProtocolOptions { SerializerOptions = ContractResolver.Options }));

    public static TheoryData<string> Protocols => new() { "json", "messagepack" };

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Fold_keys_are_read_from_the_serialized_frames_of_both_protocols(string protocol)
    {
        var hub = protocol == "json" ? (IHubProtocol)Json : MessagePack;
        Assert.Equal("OfferUpdated|offer-1", HubFrames.FoldKeyOf(Frame(hub, HubEvents.OfferUpdated, new OfferUpdated("stream-1", "offer-1", 7))));
        Assert.Equal("ViewerCount|stream-1", HubFrames.FoldKeyOf(Frame(hub, HubEvents.ViewerCount, new ViewerCount("stream-1", 12))));
        Assert.Equal("ping", HubFrames.FoldKeyOf(hub.GetMessageBytes(PingMessage.Instance)));
        Assert.Null(HubFrames.FoldKeyOf(Frame(hub, HubEvents.OfferEnded, new OfferEnded("stream-1", "offer-1", "soldOut"))));
        Assert.Null(HubFrames.FoldKeyOf(Frame(hub, HubEvents.StreamEnded, new StreamEnded("stream-1"))));
        Assert.Null(HubFrames.FoldKeyOf(hub.GetMessageBytes(CompletionMessage.WithResult("1", new OfferUpdated("stream-1", "offer-1", 7)))));
        Assert.Null(HubFrames.FoldKeyOf(new byte[] { 0x7b, 0x22, 0x1e }));
        Assert.Null(HubFrames.FoldKeyOf(new byte[] { 0x85 }));
        Assert.Equal(
            HubFrames.FoldKeyOf(HubEvents.OfferUpdated, new OfferUpdated("stream-1", "offer-1", 3)),
            HubFrames.FoldKeyOf(Frame(hub, HubEvents.OfferUpdated, new OfferUpdated("stream-1", "offer-1", 3))));
    }

    [Fact]
    public async Task Behind_a_full_send_buffer_writes_do_not_wait_updates_fold_to_the_latest_value_and_the_rest_keeps_its_order()
    {
        var (outboxes, connection, toViewer) = Open(outboxBytes: 64 * 1024);
        var output = connection.Transport.Output;

        // Fill the send buffer (nobody reads it), so that the next writes wait in the outbox.
        var filler = 0;
        while (outboxes.Backlogged == 0)
        {
            Assert.True(output.WriteAsync(Frame(Json, HubEvents.CommentPosted, Comment(filler++))).IsCompleted);
            Assert.InRange(filler, 1, 1000);
        }

        for (var remaining = 100; remaining >= 0; remaining--)
        {
            Assert.True(output.WriteAsync(Frame(Json, HubEvents.OfferUpdated, new OfferUpdated("s", "offer-a", remaining))).IsCompleted);
            Assert.True(output.WriteAsync(Frame(Json, HubEvents.OfferUpdated, new OfferUpdated("s", "offer-b", 1000 + remaining))).IsCompleted);
            if (remaining % 25 == 0)
            {
                Assert.True(output.WriteAsync(Frame(Json, HubEvents.CommentPosted, Comment(filler++))).IsCompleted);
            }
        }

        Assert.True(output.WriteAsync(Frame(Json, HubEvents.OfferEnded, new OfferEnded("s", "offer-a", "soldOut"))).IsCompleted);
        Assert.Equal(200, outboxes.Folded);
        var outbox = connection.Features.Get<ViewerOutbox>()!;
        Assert.InRange(outbox.WaitingBytes, 1, 2048);
        Assert.Equal(outbox.WaitingBytes, outboxes.QueuedBytes);

        // The viewer reads again: every comment in order, then each offer's latest value, the end after offer-a's.
        var records = await ReadRecordsAsync(toViewer.Reader, filler + 3);
        var comments = records.Where(r => r.Target == HubEvents.CommentPosted).Select(r => r.Arguments.GetProperty("text").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, filler).Select(i => "comment " + i), comments);
        var updates = records.Where(r => r.Target == HubEvents.OfferUpdated).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Equal(0, updates.Single(u => u.Arguments.GetProperty("offerId").GetString() == "offer-a").Arguments.GetProperty("remaining").GetInt32());
        Assert.Equal(1000, updates.Single(u => u.Arguments.GetProperty("offerId").GetString() == "offer-b").Arguments.GetProperty("remaining").GetInt32());
        Assert.Equal(HubEvents.OfferEnded, records[^1].Target);
        Assert.True(records.FindIndex(r => r.Target == HubEvents.OfferEnded) > records.FindIndex(r => r.Target == HubEvents.OfferUpdated && r.Arguments.GetProperty("offerId").GetString() == "offer-a"));

        await WaitUntilAsync(() => outboxes.Backlogged == 0);
        Assert.Equal(0, outboxes.QueuedBytes);
        Assert.False(connection.ConnectionClosed.IsCancellationRequested);
    }

    [Fact]
    public async Task An_outbox_that_would_outgrow_its_limit_closes_the_connection_and_keeps_nothing()
    {
        const int limit = 8 * 1024;
        var (outboxes, connection, _) = Open(outboxBytes: limit);
        var output = connection.Transport.Output;
        var frame = Frame(Json, HubEvents.CommentPosted, Comment(0));
        var written = 0;
        while (!connection.ConnectionClosed.IsCancellationRequested && written < 10_000)
        {
            var result = await output.WriteAsync(frame);
            written++;
            if (result.IsCompleted)
            {
                break;
            }
        }

        await WaitUntilAsync(() => connection.ConnectionClosed.IsCancellationRequested);
        Assert.Equal(1, outboxes.Closed);
        Assert.InRange(outboxes.PeakBytes, limit - frame.Length, limit + frame.Length);
        Assert.Equal(0, outboxes.QueuedBytes);
        Assert.True((await output.WriteAsync(frame)).IsCompleted);
        Assert.Equal(0, outboxes.QueuedBytes);
    }

    private static (ViewerOutboxes Outboxes, ConnectionContext Connection, Pipe ToViewer) Open(int outboxBytes)
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var outboxes = new ViewerOutboxes(
            Options.Create(new HubTransportOptions { OutboxBytes = outboxBytes }), services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            NullLogger<ViewerOutboxes>.Instance);
        var toViewer = new Pipe(new PipeOptions(pauseWriterThreshold: 4096, resumeWriterThreshold: 2048, useSynchronizationContext: false));
        var fromViewer = new Pipe();
        var connection = new DefaultConnectionContext("viewer-1", new Duplex(fromViewer.Reader, toViewer.Writer), new Duplex(toViewer.Reader, fromViewer.Writer));
        ViewerOutbox.Install(connection, outboxes);
        return (outboxes, connection, toViewer);
    }

    private static CommentPosted Comment(int i) => new("s", "user", "comment " + i, DateTimeOffset.UnixEpoch);

    private static byte[] Frame(IHubProtocol protocol, string target, object payload) =>
        protocol.GetMessageBytes(new InvocationMessage(target, [payload])).ToArray();

    private static async Task<List<(string? Target, JsonElement Arguments)>> ReadRecordsAsync(PipeReader reader, int count)
    {
        var records = new List<(string?, JsonElement)>();
        var pending = new List<byte>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (records.Count < count)
        {
            var result = await reader.ReadAsync(patience.Token);
            foreach (var segment in result.Buffer)
            {
                pending.AddRange(segment.Span.ToArray());
            }

            reader.AdvanceTo(result.Buffer.End);
            int end;
            while ((end = pending.IndexOf(0x1e)) >= 0)
            {
                using var document = JsonDocument.Parse(pending.GetRange(0, end).ToArray());
                var root = document.RootElement;
                records.Add((root.TryGetProperty("target", out var target) ? target.GetString() : null,
                    root.TryGetProperty("arguments", out var arguments) ? arguments[0].Clone() : default));
                pending.RemoveRange(0, end + 1);
            }
        }

        return records;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }

    private static JsonHubProtocolOptions JsonOptions()
    {
        var options = new JsonHubProtocolOptions();
        LiveJson.Configure(options.PayloadSerializerOptions);
        return options;
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
