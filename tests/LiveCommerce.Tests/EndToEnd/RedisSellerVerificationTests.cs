using LiveCommerce.Contracts.Products;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>The seller verification scenarios in cluster mode against Redis, and a restart of every host.</summary>
public sealed class RedisSellerVerificationTests(RedisEngineFixture fixture, ITestOutputHelper output)
    : SellerVerificationScenarios, IClassFixture<RedisEngineFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;

    /// <inheritdoc />
    protected override ITestOutputHelper Output => output;

    [Fact]
    public async Task A_verification_and_what_products_and_cards_show_of_it_survive_a_restart_of_every_host()
    {
        var clusterId = "verify-" + Guid.NewGuid().ToString("N")[..8];
        LiveCommerce.Contracts.Sellers.SellerVerification verification;
        LiveCommerce.Contracts.Streams.LiveStream stream;
        IReadOnlyList<Product> products;
        await using (var first = new EngineHost(RedisServer.ConnectionString, clusterId))
        {
            (stream, products, _) = await Catalog.LiveStreamAsync(first, products: 2);
            verification = await first.Api("platform-admin", "admin").VerifySellerAsync(stream.CreatorId, SellerKinds.LocalSme);
        }

        await using var restarted = new EngineHost(RedisServer.ConnectionString, clusterId);
        var admin = restarted.Api("platform-admin", "admin");
        Assert.Equal(verification, await restarted.Api(stream.CreatorId, "seller").GetSellerVerificationAsync(stream.CreatorId));
        foreach (var product in products)
        {
            var read = await restarted.Api("anyone").GetProductAsync(product.Id);
            Assert.Equal((SellerKinds.LocalSme, true), (read.VerifiedSellerKind, read.SellerKindVerified));
        }

        await using var viewer = await restarted.ConnectViewerAsync();
        Assert.All((await viewer.JoinStreamAsync(stream.Id)).Products, card => Assert.Equal((SellerKinds.LocalSme, true), (card.VerifiedSellerKind, card.SellerKindVerified)));

        // The same kind again after the restart keeps the first time; a replacement still reaches every product.
        Assert.Equal(verification, await admin.VerifySellerAsync(stream.CreatorId, SellerKinds.LocalSme));
        await admin.VerifySellerAsync(stream.CreatorId, SellerKinds.Platform);
        foreach (var product in products)
        {
            Assert.Equal(SellerKinds.Platform, (await restarted.Api("anyone").GetProductAsync(product.Id)).VerifiedSellerKind);
        }

        await admin.RevokeSellerVerificationAsync(stream.CreatorId);
        Assert.Null((await restarted.Api("anyone").GetProductAsync(products[0].Id)).VerifiedSellerKind);
    }
}
