using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Silo.Realtime;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>
/// A viewer who stops reading delays nobody. One viewer joins over a bare WebSocket with a small receive buffer and
/// never reads again, while the creator pins again and again and an offer sells out under claims: the others get
/// every pin, in order, about as fast as in the same run before that viewer joined, and every offer update's final
/// value; the stalled connection's outbox folds the offer's updates, stays within its limit, and is closed once it
/// is full. Timings only compare the two phases of one run, with a generous margin (the point is that nobody waits
/// for the stalled viewer, not how fast the machine is).
/// </summary>
public sealed class SlowConsumerTests(ITestOutputHelper output)
{
    private const int Readers = 8;
    private const int PinsBefore = 150;
    private const int MaxPins = 50_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // The kernel's socket buffers take a few MB before the engine's fill: thousands of pins, one after another.
    private static readonly TimeSpan FillPatience = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_viewer_who_never_reads_delays_nobody_folds_updates_stays_bounded_and_is_closed()
    {
        await using var host = new EngineHost(settings: new Dictionary<string, string?>
        {
            ["FlashOffers:UpdateInterval"] = "00:00:00.005",
            ["Hub:ClaimBurst"] = "1000",
            ["Hub:ClaimsPerSecond"] = "1000",
        });
        var outboxes = host.Services.GetRequiredService<ViewerOutboxes>();
        var creator = host.Api("creator-" + Guid.NewGuid().ToString("N")[..8], "creator", "seller");
        var products = new List<Contracts.Products.Product>();
        for (var i = 0; i < 3; i++)
        {
            products.Add(await creator.CreateProductAsync(Catalog.Product(stock: 100)));
        }

        var stream = await creator.CreateStreamAsync(new Contracts.Streams.CreateStreamRequest { Title = "Slow consumer", ProductIds = [.. products.Select(p => p.Id)] });
        stream = await creator.StartStreamAsync(stream.Id);
        var readers = new List<Reader>();
        try
        {
            for (var i = 0; i < Readers; i++)
            {
                readers.Add(await Reader.JoinAsync(host, stream.Id, i % 2 == 0 ? HubProtocol.Json : HubProtocol.MessagePack));
            }

            // Phase 1: everyone reads.
            var sent = new List<long>();
            await PinAsync(creator, stream.Id, products, sent, PinsBefore);
            await WaitForAsync(() => readers.All(r => r.Pins.Count >= sent.Count), "every reader got the first pins");
            var before = Latencies(readers, sent, 0, PinsBefore);

            // Phase 2: a viewer joins and never reads again. Pin until its send buffer is full, so that what it is sent
            // waits in its outbox.
            await using var stalled = await StalledViewer.JoinAsync(host.BaseAddress, stream.Id);
            await PinUntilAsync(creator, stream.Id, products, sent, () => outboxes.Backlogged > 0, "the stalled viewer's send buffer filled");
            var filled = sent.Count;

            // An offer sells out under the readers' claims: its updates fold in the stalled viewer's outbox.
            var offer = await creator.CreateOfferAsync(stream.Id, new CreateOfferRequest
            {
                ProductId = products[0].Id,
                Price = new Money(products[0].Price.Amount / 2, products[0].Price.Currency),
                Quantity = Readers * 5,
                DurationSeconds = 60,
                PerViewerLimit = 5,
            });
            await Task.WhenAll(readers.Select(async r =>
            {
                for (var i = 0; i < 5; i++)
                {
                    Assert.Equal(ClaimStatus.Reserved, (await r.Client.ClaimOfferAsync(stream.Id, offer.Id)).Status);
                }
            }));
            await WaitForAsync(() => readers.All(r => r.Ended.Contains(offer.Id)), "every reader saw the offer end");
            Assert.Equal(0, outboxes.Closed);
            Assert.True(outboxes.Folded > 0, "the offer's updates did not fold in the stalled viewer's outbox");

            // Pin on until the stalled viewer's outbox is full and the engine closes it.
            await PinUntilAsync(creator, stream.Id, products, sent, () => outboxes.Closed > 0, "the stalled viewer was closed");
            await PinAsync(creator, stream.Id, products, sent, PinsBefore);
            await WaitForAsync(() => readers.All(r => r.Pins.Count >= sent.Count), "every reader got every pin");

            // Everyone else got every pin, in order, and the offer's final value before its end.
            foreach (var reader in readers)
            {
                Assert.Equal(sent.Select((_, i) => products[i % products.Count].Id), reader.Pins.Select(p => p.ProductId));
                Assert.Equal(0, reader.LastRemaining(offer.Id));
                Assert.True(reader.Client.IsConnected);
            }

            // ... about as fast as before the stalled viewer joined.
            var during = Latencies(readers, sent, filled, sent.Count - filled);
            output.WriteLine(FormattableString.Invariant(
                $"pins: {filled} until the stalled viewer's send buffer filled, {sent.Count} in all; readers' p99 {Percentile(before, 0.99):0.0} ms before, {Percentile(during, 0.99):0.0} ms with the stalled viewer; outbox peak {outboxes.PeakBytes} B (limit {outboxes.Limit}), folded {outboxes.Folded}"));
            Assert.True(
                Percentile(during, 0.99) <= (4 * Percentile(before, 0.99)) + 250,
                $"readers' p99 with a stalled viewer {Percentile(during, 0.99):0.0} ms, before {Percentile(before, 0.99):0.0} ms");

            // The stalled connection held at most its outbox's limit (beyond SignalR's and Kestrel's fixed buffers),
            // and was the only one closed.
            Assert.Equal(1, outboxes.Closed);
            Assert.InRange(outboxes.PeakBytes, 1, outboxes.Limit + RealtimeExtensions.MaxFrameBytes);
            await WaitForAsync(() => outboxes.QueuedBytes == 0 && outboxes.Backlogged == 0, "the closed outbox let go of its messages");
            Assert.True(await stalled.DrainUntilClosedAsync(), "the stalled viewer's socket was not closed by the engine");
        }
        finally
        {
            await Task.WhenAll(readers.Select(r => r.Client.DisposeAsync().AsTask()));
        }
    }

    private static async Task PinAsync(LiveApiClient creator, string streamId, IReadOnlyList<Contracts.Products.Product> products, List<long> sent, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var product = products[sent.Count % products.Count];
            sent.Add(Stopwatch.GetTimestamp());
            await creator.PinAsync(streamId, product.Id);
        }
    }

    private static async Task PinUntilAsync(
        LiveApiClient creator, string streamId, IReadOnlyList<Contracts.Products.Product> products, List<long> sent, Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow + FillPatience;
        while (!done())
        {
            Assert.True(sent.Count < MaxPins && DateTime.UtcNow < deadline, $"not yet: {what} after {sent.Count} pins");
            await PinAsync(creator, streamId, products, sent, 10);
        }
    }

    private static List<double> Latencies(List<Reader> readers, List<long> sent, int from, int count) =>
        [.. readers.SelectMany(r => Enumerable.Range(from, count).Select(i => Stopwatch.GetElapsedTime(sent[i], r.PinTimes[i]).TotalMilliseconds))];

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    /// <summary>A viewer on the .NET client that reads everything, and when it arrived.</summary>
    private sealed class Reader
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, int> _remaining = [];

        private Reader(LiveViewerClient client) => Client = client;

        public LiveViewerClient Client { get; }

        public List<Contracts.Products.ProductCard> Pins { get; } = [];

        public List<long> PinTimes { get; } = [];

        public HashSet<string> Ended { get; } = [];

        public static async Task<Reader> JoinAsync(EngineHost host, string streamId, HubProtocol protocol)
        {
            var client = await host.ConnectViewerAsync("reader-" + Guid.NewGuid().ToString("N")[..8], protocol);
            var reader = new Reader(client);
            client.ProductPinned += card =>
            {
                lock (reader._gate)
                {
                    reader.PinTimes.Add(Stopwatch.GetTimestamp());
                    reader.Pins.Add(card);
                }
            };
            client.OfferUpdated += update =>
            {
                lock (reader._gate)
                {
                    reader._remaining[update.OfferId] = update.Remaining;
                }
            };
            client.OfferEnded += ended =>
            {
                lock (reader._gate)
                {
                    reader.Ended.Add(ended.OfferId);
                }
            };
            await client.JoinStreamAsync(streamId);
            return reader;
        }

        public int? LastRemaining(string offerId)
        {
            lock (_gate)
            {
                return _remaining.TryGetValue(offerId, out var remaining) ? remaining : null;
            }
        }
    }

    /// <summary>
    /// A bare WebSocket with a 4 KiB receive buffer that does the SignalR JSON handshake, joins a stream, reads the
    /// join's answer and then reads nothing more, until asked to drain what it was sent.
    /// </summary>
    private sealed class StalledViewer : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly HttpMessageInvoker _invoker;
        private readonly byte[] _buffer = new byte[64 * 1024];

        private StalledViewer()
        {
            _socket.Options.KeepAliveInterval = TimeSpan.Zero;
            _invoker = new HttpMessageInvoker(new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            });
        }

        public bool ClosedByServer { get; private set; }

        public static async Task<StalledViewer> JoinAsync(Uri baseAddress, string streamId)
        {
            var viewer = new StalledViewer();
            using var timeout = new CancellationTokenSource(Patience);
            var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = HubMethods.Path }.Uri;
            await viewer._socket.ConnectAsync(uri, viewer._invoker, timeout.Token);
            await viewer.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e", timeout.Token);
            await viewer.ReadUntilAsync("{}", timeout.Token);
            await viewer.SendAsync("{\"type\":1,\"invocationId\":\"join\",\"target\":\"JoinStream\",\"arguments\":[\"" + streamId + "\"]}\u001e", timeout.Token);
            await viewer.ReadUntilAsync("\"invocationId\":\"join\"", timeout.Token);
            return viewer;
        }

        /// <summary>Reads everything that waits (for a while) until the server's close; false when the socket is still open then.</summary>
        public async Task<bool> DrainUntilClosedAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            try
            {
                while (true)
                {
                    var received = await _socket.ReceiveAsync(_buffer, timeout.Token);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return true;
                    }
                }
            }
            catch (WebSocketException)
            {
                // The engine aborted the connection rather than closing it cleanly: closed all the same.
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _socket.Abort();
            _socket.Dispose();
            _invoker.Dispose();
            await Task.CompletedTask;
        }

        private Task SendAsync(string record, CancellationToken cancellationToken) =>
            _socket.SendAsync(Encoding.UTF8.GetBytes(record), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

        private async Task ReadUntilAsync(string marker, CancellationToken cancellationToken)
        {
            var text = new StringBuilder();
            while (!text.ToString().Contains(marker, StringComparison.Ordinal))
            {
                var received = await _socket.ReceiveAsync(_buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    ClosedByServer = true;
                    throw new InvalidOperationException("the hub closed the connection: " + text);
                }

                text.Append(Encoding.UTF8.GetString(_buffer, 0, received.Count));
            }
        }
    }
}
