using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.Grains;

/// <summary>The catalog and stream grains in an Orleans test cluster.</summary>
public sealed class StreamAndCatalogGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task A_seller_catalog_keeps_SKUs_unique_and_creates_products_with_their_stock()
    {
        var seller = Grains.GetGrain<ISellerCatalogGrain>("seller-" + Guid.NewGuid());
        var request = Catalog.Product(stock: 12);
        var product = await seller.CreateProductAsync(request);

        Assert.Equal(12, (await Grains.GetGrain<IProductGrain>(product.Id).GetAsync())?.Stock);
        var conflict = await Assert.ThrowsAsync<LiveCommerceException>(() => seller.CreateProductAsync(request));
        Assert.Equal(ErrorKind.Conflict, conflict.Kind);
        Assert.Equal([product.Id], await seller.GetProductIdsAsync());
        Assert.Null(await Grains.GetGrain<IProductGrain>("never-created").GetAsync());
    }

    [Fact]
    public async Task A_stream_checks_its_owner_its_list_and_its_status_and_publishes_after_each_change()
    {
        var creator = "creator-" + Guid.NewGuid();
        var product = await Grains.GetGrain<ISellerCatalogGrain>(creator).CreateProductAsync(Catalog.Product());
        var other = await Grains.GetGrain<ISellerCatalogGrain>(creator).CreateProductAsync(Catalog.Product());
        var streamId = Guid.NewGuid().ToString("N");
        var stream = Grains.GetGrain<ILiveStreamGrain>(streamId);

        await stream.CreateAsync(creator, "Sale", [product.Id, product.Id], null);
        Assert.Equal([product.Id], (await stream.GetAsync())!.ProductIds);
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<LiveCommerceException>(() => stream.CreateAsync(creator, "Again", [], null))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<LiveCommerceException>(() => stream.PinAsync("intruder", product.Id))).Kind);
        Assert.Equal(ErrorKind.Invalid, (await Assert.ThrowsAsync<LiveCommerceException>(() => stream.PinAsync(creator, other.Id))).Kind);

        await stream.StartAsync(creator);
        var card = await stream.PinAsync(creator, product.Id);
        await stream.UnpinAsync(creator);
        await stream.UnpinAsync(creator);
        await stream.EndAsync(creator);
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<LiveCommerceException>(() => stream.StartAsync(creator))).Kind);
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<LiveCommerceException>(() => stream.PostCommentAsync("v", "hi"))).Kind);

        var sent = RecordingNotifier.SentTo(streamId);
        Assert.Equal([HubEvents.ProductPinned, HubEvents.ProductUnpinned, HubEvents.StreamEnded], sent.Select(e => e.EventName));
        Assert.Equal(card, sent[0].Payload);
        Assert.Equal(StreamStatus.Ended, (await stream.GetSnapshotAsync()).Status);
    }

    [Fact]
    public async Task Viewer_reports_from_several_silos_fold_into_one_count_and_a_silo_that_stops_reporting_drops_out()
    {
        var creator = "creator-" + Guid.NewGuid();
        var streamId = Guid.NewGuid().ToString("N");
        var stream = Grains.GetGrain<ILiveStreamGrain>(streamId);
        await stream.CreateAsync(creator, "Sale", [], null);
        await stream.StartAsync(creator);

        await stream.ReportActivityAsync("silo-a", 40, 3);
        await stream.ReportActivityAsync("silo-b", 2, 0);
        await WaitForAsync(async () => (await stream.GetSnapshotAsync()).ViewerCount == 42);
        await WaitForAsync(() => Task.FromResult(RecordingNotifier.SentTo(streamId).Any(e => e.Payload is ViewerCount { Count: 42 })));

        // silo-b goes quiet (it stopped or crashed): after the presence timeout only silo-a counts.
        await WaitForAsync(async () =>
        {
            await stream.ReportActivityAsync("silo-a", 10, 0);
            return (await stream.GetSnapshotAsync()).ViewerCount == 10;
        });
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true");
            await Task.Delay(50);
        }
    }
}
