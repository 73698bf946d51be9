using LiveCommerce.Client;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using ConnectionMultiplexer = StackExchange.Redis.ConnectionMultiplexer;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>Flash offers across a cluster of hosts sharing Redis: the rush, and a restart of every host.</summary>
public sealed class ClusterCommerceTests
{
    [Fact]
    public async Task Two_thousand_concurrent_claims_over_two_hosts_reserve_exactly_the_fifty_units()
    {
        var clusterId = "rush-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = new EngineHost(RedisServer.ConnectionString, clusterId);
        await using var b = new EngineHost(RedisServer.ConnectionString, clusterId);
        var (stream, products, creator) = await Catalog.LiveStreamAsync(a, products: 0);
        var product = await creator.CreateProductAsync(Catalog.Product(stock: 80));
        await creator.AddProductAsync(stream.Id, product.Id);

        var viewers = new List<(LiveViewerClient Client, Inbox<OfferStarted> Started, Inbox<OfferUpdated> Updates, Inbox<OfferEnded> Ends)>();
        try
        {
            for (var batch = 0; batch < 20; batch++)
            {
                await Task.WhenAll(Enumerable.Range(batch * 50, 50).Select(async i =>
                {
                    var client = await (i % 2 == 0 ? a : b).ConnectViewerAsync("rusher-" + i, i % 3 == 0 ? HubProtocol.MessagePack : HubProtocol.Json);
                    var started = new Inbox<OfferStarted>();
                    var updates = new Inbox<OfferUpdated>();
                    var ends = new Inbox<OfferEnded>();
                    client.OfferStarted += offer => started.Add(new OfferStarted(offer));
                    client.OfferUpdated += updates.Add;
                    client.OfferEnded += ends.Add;
                    await client.JoinStreamAsync(stream.Id);
                    lock (viewers)
                    {
                        viewers.Add((client, started, updates, ends));
                    }
                }));
            }

            var offer = await creator.CreateOfferAsync(stream.Id, new CreateOfferRequest
            {
                ProductId = product.Id,
                Price = new Money(49_000, "IDR"),
                Quantity = 50,
                DurationSeconds = 300,
            });
            await Task.WhenAll(viewers.Select(v => v.Started.WaitForAsync(s => s.Offer.Id == offer.Id)));

            // Every viewer taps twice at once: 2,000 claims for 50 units.
            var results = await Task.WhenAll(viewers.SelectMany(v => new[] { v.Client, v.Client }).Select(c => c.ClaimOfferAsync(stream.Id, offer.Id)));
            Assert.Equal(2000, results.Length);
            Assert.Equal(50, results.Count(r => r.Status == ClaimStatus.Reserved));
            Assert.All(results.Where(r => r.Status != ClaimStatus.Reserved), r => Assert.Contains(r.Status, new[] { ClaimStatus.SoldOut, ClaimStatus.LimitReached }));
            Assert.Equal(50, results.Where(r => r.ReservationId is not null).Select(r => r.ReservationId).Distinct().Count());

            foreach (var viewer in viewers)
            {
                Assert.Equal(OfferEndReason.SoldOut, (await viewer.Ends.WaitForAsync(e => e.OfferId == offer.Id)).Reason);
                Assert.Equal(0, viewer.Updates.Items.Last(u => u.OfferId == offer.Id).Remaining);
            }

            Assert.Equal(new Inventory(80, 30, 50, 0), await Stock.OfAsync(b, product.Id));
        }
        finally
        {
            await Task.WhenAll(viewers.Select(v => v.Client.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task After_every_host_restarts_mid_offer_no_order_is_lost_no_unit_is_sold_twice_and_the_offer_ends_on_time()
    {
        var clusterId = "crash-" + Guid.NewGuid().ToString("N")[..8];
        var buyers = Enumerable.Range(0, 6).Select(i => $"restart-buyer-{i}-{Guid.NewGuid():N}"[..24]).ToList();
        var orders = new List<Order>();
        Offer offer;
        Product product;
        string streamId;
        await using (var a = new EngineHost(RedisServer.ConnectionString, clusterId))
        await using (var b = new EngineHost(RedisServer.ConnectionString, clusterId))
        {
            var (stream, _, creator) = await Catalog.LiveStreamAsync(a, products: 0);
            streamId = stream.Id;
            product = await creator.CreateProductAsync(Catalog.Product(stock: 30));
            await creator.AddProductAsync(stream.Id, product.Id);
            offer = await creator.CreateOfferAsync(stream.Id, new CreateOfferRequest
            {
                ProductId = product.Id,
                Price = new Money(49_000, "IDR"),
                Quantity = 10,
                DurationSeconds = 25,
            });

            for (var i = 0; i < buyers.Count; i++)
            {
                await using var client = await (i % 2 == 0 ? a : b).ConnectViewerAsync(buyers[i]);
                await client.JoinStreamAsync(stream.Id);
                Assert.Equal(ClaimStatus.Reserved, (await client.ClaimOfferAsync(stream.Id, offer.Id)).Status);
                if (i % 2 == 1)
                {
                    orders.Add(await client.CheckoutAsync("before-restart"));
                }
            }
        }

        await using var restarted = new EngineHost(RedisServer.ConnectionString, clusterId);
        foreach (var order in orders)
        {
            var kept = await restarted.Api(order.BuyerId, "viewer").GetOrderAsync(order.Id);
            Assert.Equal(OrderStatus.Confirmed, kept.Status);
            Assert.Equal(order.Total, kept.Total);
        }

        // The confirmed orders are in the platform's feed too.
        using (var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString))
        {
            var feed = await redis.GetDatabase().StreamRangeAsync(clusterId + ":orders");
            var ids = feed.Select(e => (string?)e["id"]).ToHashSet();
            Assert.All(orders, o => Assert.Contains(o.Id, ids));
        }

        Assert.Equal(new Inventory(30, 20, 7, 3), await Stock.OfAsync(restarted, product.Id));
        await using var viewer = await restarted.ConnectViewerAsync(buyers[0]);
        var ended = new Inbox<OfferEnded>();
        viewer.OfferEnded += ended.Add;
        var snapshot = await viewer.JoinStreamAsync(streamId);
        Assert.Equal(offer.Id, Assert.Single(snapshot.Offers).Id);
        Assert.Equal(ClaimStatus.LimitReached, (await viewer.ClaimOfferAsync(streamId, offer.Id)).Status);

        var end = await ended.WaitForAsync(e => e.OfferId == offer.Id, TimeSpan.FromSeconds(40));
        var at = DateTimeOffset.UtcNow;
        Assert.Equal(OfferEndReason.Expired, end.Reason);
        Assert.InRange(at, offer.EndsAt.AddMilliseconds(-200), offer.EndsAt.AddSeconds(10));
        Assert.Equal(new Inventory(30, 24, 3, 3), await Stock.OfAsync(restarted, product.Id));
    }
}
