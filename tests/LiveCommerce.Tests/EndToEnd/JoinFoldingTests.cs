using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>
/// Crowds joining and carting do not queue one call each on the stream's grain: joins share snapshot reads, carts
/// share the stream's listing, and a viewer who joins while the creator pins still gets the pin, in the snapshot or
/// as an event. The silo's calls to the stream grain are counted by an outgoing grain call filter in the real silo:
/// never more than one snapshot read in flight, however many join at once.
/// </summary>
public sealed class JoinFoldingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_hundred_viewers_joining_at_once_share_a_few_snapshot_reads_and_none_misses_a_pin_made_meanwhile(bool redis)
    {
        var calls = new StreamGrainCalls();
        await using var host = new EngineHost(redis ? RedisServer.ConnectionString : null, configureServices: services => services.AddSingleton<IOutgoingGrainCallFilter>(calls));
        var (stream, products, creator) = await Catalog.LiveStreamAsync(host, products: 3);
        var viewers = new List<(LiveViewerClient Client, Inbox<ProductCard> Pins)>();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
            {
                var client = await host.ConnectViewerAsync();
                lock (viewers)
                {
                    viewers.Add((client, new Inbox<ProductCard>()));
                }
            }));
            foreach (var (client, pins) in viewers)
            {
                client.ProductPinned += pins.Add;
            }

            var before = calls.Count(nameof(ILiveStreamGrain.GetSnapshotAsync));
            var joins = viewers.Select(v => v.Client.JoinStreamAsync(stream.Id)).ToList();
            var pin = creator.PinAsync(stream.Id, products[1].Id);
            var snapshots = await Task.WhenAll(joins);
            await pin;
            var reads = calls.Count(nameof(ILiveStreamGrain.GetSnapshotAsync)) - before;
            // However the joins arrive (all at once, or one after another on a loaded machine), this silo never has
            // more than one snapshot read of the stream in flight: that is what keeps the crowd off the grain.
            Assert.InRange(reads, 1, 200);
            Assert.Equal(1, calls.MostAtOnce(nameof(ILiveStreamGrain.GetSnapshotAsync)));

            // Every viewer has the pin: in a snapshot read after it, or as the event that followed their join.
            for (var i = 0; i < viewers.Count; i++)
            {
                if (snapshots[i].Pinned?.ProductId != products[1].Id)
                {
                    await viewers[i].Pins.WaitForAsync(card => card.ProductId == products[1].Id);
                }
            }

            // Carting from the list reads the listing once per silo and second, not once per viewer.
            var listed = calls.Count(nameof(ILiveStreamGrain.GetAsync));
            var buyer = await host.ConnectViewerAsync("folding-buyer-" + Guid.NewGuid().ToString("N")[..8]);
            await buyer.JoinStreamAsync(stream.Id);
            for (var i = 0; i < 10; i++)
            {
                await buyer.AddToCartAsync(stream.Id, products[0].Id, 1);
            }

            Assert.InRange(calls.Count(nameof(ILiveStreamGrain.GetAsync)) - listed, 0, 4);
            Assert.Equal(10, (await buyer.GetCartAsync()).Items.Single().Quantity);
            await buyer.DisposeAsync();
        }
        finally
        {
            await Task.WhenAll(viewers.Select(v => v.Client.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_product_added_to_a_stream_can_be_carted_at_once_although_the_listing_is_kept()
    {
        await using var host = new EngineHost();
        var (stream, products, creator) = await Catalog.LiveStreamAsync(host, products: 1);
        await using var buyer = await host.ConnectViewerAsync("listing-buyer-" + Guid.NewGuid().ToString("N")[..8]);
        await buyer.JoinStreamAsync(stream.Id);
        await buyer.AddToCartAsync(stream.Id, products[0].Id, 1);

        var added = await creator.CreateProductAsync(Catalog.Product());
        await creator.AddProductAsync(stream.Id, added.Id);
        var cart = await buyer.AddToCartAsync(stream.Id, added.Id, 2);
        Assert.Equal(2, cart.Items.Single(i => i.ProductId == added.Id).Quantity);
    }

    /// <summary>Counts the calls this silo makes to the stream grain's methods, by name, and the most in flight at once.</summary>
    private sealed class StreamGrainCalls : IOutgoingGrainCallFilter
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Count, int InFlight, int Most)> _calls = new(StringComparer.Ordinal);

        public int Count(string method) => _calls.GetValueOrDefault(method).Count;

        public int MostAtOnce(string method) => _calls.GetValueOrDefault(method).Most;

        public async Task Invoke(IOutgoingGrainCallContext context)
        {
            if (context.InterfaceMethod?.DeclaringType != typeof(ILiveStreamGrain))
            {
                await context.Invoke();
                return;
            }

            var name = context.InterfaceMethod.Name;
            _calls.AddOrUpdate(name, (1, 1, 1), (_, c) => (c.Count + 1, c.InFlight + 1, Math.Max(c.Most, c.InFlight + 1)));
            try
            {
                await context.Invoke();
            }
            finally
            {
                _calls.AddOrUpdate(name, (0, 0, 0), (_, c) => (c.Count, c.InFlight - 1, c.Most));
            }
        }
    }
}
