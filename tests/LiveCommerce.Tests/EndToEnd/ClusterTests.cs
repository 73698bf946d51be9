using LiveCommerce.Client;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>Several engine hosts sharing one Redis form one cluster; state lives in Redis, not in a process.</summary>
public sealed class ClusterTests
{
    [Fact]
    public async Task Two_hosts_sharing_Redis_are_one_cluster_a_pin_made_through_one_reaches_viewers_on_both()
    {
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = new EngineHost(RedisServer.ConnectionString, clusterId);
        await using var b = new EngineHost(RedisServer.ConnectionString, clusterId);
        var (stream, products, creatorOnA) = await Catalog.LiveStreamAsync(a, products: 3);
        var creatorOnB = b.Api(stream.CreatorId, "creator");

        var viewers = new List<(LiveViewerClient Client, Inbox<ProductCard> Pins, Inbox<ViewerCount> Counts)>();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
            {
                var host = i % 2 == 0 ? a : b;
                var client = await host.ConnectViewerAsync(protocol: i % 3 == 0 ? HubProtocol.MessagePack : HubProtocol.Json);
                var pins = new Inbox<ProductCard>();
                var counts = new Inbox<ViewerCount>();
                client.ProductPinned += pins.Add;
                client.ViewerCount += counts.Add;
                await client.JoinStreamAsync(stream.Id);
                lock (viewers)
                {
                    viewers.Add((client, pins, counts));
                }
            }));

            await creatorOnA.PinAsync(stream.Id, products[1].Id);
            await Task.WhenAll(viewers.Select(v => v.Pins.WaitForAsync(card => card.ProductId == products[1].Id)));
            await creatorOnB.PinAsync(stream.Id, products[2].Id);
            await Task.WhenAll(viewers.Select(v => v.Pins.WaitForAsync(card => card.ProductId == products[2].Id)));

            // Each host reports its own viewers; the stream folds them into one cluster-wide count.
            await viewers[0].Counts.WaitForAsync(c => c.Count == 60);
            Assert.Equal(products[2].Id, (await b.Api("anyone").GetStreamAsync(stream.Id)).Pinned?.ProductId);
        }
        finally
        {
            await Task.WhenAll(viewers.Select(v => v.Client.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task Products_and_streams_survive_a_restart_of_every_host()
    {
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        LiveStream stream;
        IReadOnlyList<Product> products;
        await using (var first = new EngineHost(RedisServer.ConnectionString, clusterId))
        await using (var second = new EngineHost(RedisServer.ConnectionString, clusterId))
        {
            (stream, products, _) = await Catalog.LiveStreamAsync(first, products: 2);
            await second.Api(stream.CreatorId, "creator").PinAsync(stream.Id, products[1].Id);
        }

        await using var restarted = new EngineHost(RedisServer.ConnectionString, clusterId);
        var api = restarted.Api(stream.CreatorId, "creator", "seller");
        var snapshot = await api.GetStreamAsync(stream.Id);
        Assert.Equal(StreamStatus.Live, snapshot.Status);
        Assert.Equal(products[1].Id, snapshot.Pinned?.ProductId);
        var product = await api.GetProductAsync(products[0].Id);
        Assert.Equal(products[0].Stock, product.Stock);
        Assert.Equal(products[0].SellerId, product.SellerId);

        // The SKU index survived too: reusing a SKU is still a conflict.
        var again = await Assert.ThrowsAsync<LiveApiException>(() => api.CreateProductAsync(Catalog.Product() with { Sku = products[0].Sku }));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.Status);

        await using var viewer = await restarted.ConnectViewerAsync();
        Assert.Equal(products[1].Id, (await viewer.JoinStreamAsync(stream.Id)).Pinned?.ProductId);
    }
}
