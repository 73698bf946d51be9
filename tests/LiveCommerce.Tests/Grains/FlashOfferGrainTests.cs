using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.Grains;

/// <summary>The flash-offer grain in an Orleans test cluster.</summary>
public sealed class FlashOfferGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task A_burst_of_claims_is_folded_into_few_OfferUpdated_events_and_the_last_one_is_exact()
    {
        var creator = "creator-" + Guid.NewGuid();
        var product = await Grains.GetGrain<ISellerCatalogGrain>(creator).CreateProductAsync(Catalog.Product(stock: 40));
        var streamId = Guid.NewGuid().ToString("N");
        var stream = Grains.GetGrain<ILiveStreamGrain>(streamId);
        await stream.CreateAsync(creator, "Rush", [product.Id], null);
        await stream.StartAsync(creator);
        var offer = await stream.CreateOfferAsync(creator, new CreateOfferRequest
        {
            ProductId = product.Id,
            Price = new Money(100_000, "IDR"),
            Quantity = 40,
            DurationSeconds = 600,
        });

        var claims = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Grains.GetGrain<IFlashOfferGrain>(offer.Id).ClaimAsync("viewer-" + i, streamId)));
        Assert.All(claims, c => Assert.Equal(ClaimStatus.Reserved, c.Result.Status));

        await WaitForAsync(() => Updates(streamId).LastOrDefault()?.Remaining == 10);
        await Task.Delay(300);
        var updates = Updates(streamId);
        Assert.Equal(10, updates[^1].Remaining);
        Assert.True(updates.Count < 30, $"{updates.Count} updates for 30 claims: they were not folded");
        Assert.Equal(updates.Select(u => u.Remaining).OrderDescending(), updates.Select(u => u.Remaining));
    }

    [Fact]
    public async Task A_claim_in_another_stream_is_not_found_and_changes_nothing()
    {
        var creator = "creator-" + Guid.NewGuid();
        var product = await Grains.GetGrain<ISellerCatalogGrain>(creator).CreateProductAsync(Catalog.Product(stock: 5));
        var streamId = Guid.NewGuid().ToString("N");
        var stream = Grains.GetGrain<ILiveStreamGrain>(streamId);
        await stream.CreateAsync(creator, "Sale", [product.Id], null);
        await stream.StartAsync(creator);
        var offer = await stream.CreateOfferAsync(creator, new CreateOfferRequest
        {
            ProductId = product.Id,
            Price = new Money(1_000, "IDR"),
            Quantity = 2,
            DurationSeconds = 60,
        });

        var grain = Grains.GetGrain<IFlashOfferGrain>(offer.Id);
        Assert.Equal(ClaimStatus.NotFound, (await grain.ClaimAsync("viewer", "another-stream")).Result.Status);
        Assert.Equal(new OfferUnits(product.Id, true, 2, 0, 0), await grain.GetUnitsAsync());
        Assert.Equal(new LiveCommerce.Contracts.Products.Inventory(5, 3, 2, 0), await Grains.GetGrain<IProductGrain>(product.Id).GetInventoryAsync());
    }

    private static List<OfferUpdated> Updates(string streamId) =>
        [.. RecordingNotifier.SentTo(streamId).Where(e => e.EventName == HubEvents.OfferUpdated).Select(e => (OfferUpdated)e.Payload)];

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true");
            await Task.Delay(50);
        }
    }
}
