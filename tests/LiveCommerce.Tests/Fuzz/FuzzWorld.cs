using LiveCommerce.Client;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.Fuzz;

/// <summary>
/// The state the fuzz test attacks: a creator's live stream with two products and a running offer, and a buyer
/// with one order and one cart line. Bad input must leave all of it as it was.
/// </summary>
public sealed record FuzzWorld(
    string CreatorId,
    string BuyerId,
    string StreamId,
    IReadOnlyList<string> ProductIds,
    string OfferId,
    string OrderId)
{
    /// <summary>The creator's token (creator and seller roles).</summary>
    public string CreatorToken { get; } = TestTokens.For(CreatorId, "creator", "seller");

    /// <summary>The buyer's token.</summary>
    public string BuyerToken { get; } = TestTokens.For(BuyerId, "viewer");

    /// <summary>Builds the world on <paramref name="host"/>.</summary>
    public static async Task<FuzzWorld> CreateAsync(EngineHost host)
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(host, "fuzz-creator", products: 2);
        var offer = await creator.CreateOfferAsync(stream.Id, new CreateOfferRequest
        {
            ProductId = products[0].Id,
            Price = new Money(products[0].Price.Amount / 2, products[0].Price.Currency),
            Quantity = 3,
            DurationSeconds = 3600,
        });

        const string buyerId = "fuzz-buyer";
        await using var buyer = await host.ConnectViewerAsync(buyerId);
        await buyer.JoinStreamAsync(stream.Id);
        await buyer.AddToCartAsync(stream.Id, products[1].Id, 1);
        var order = await buyer.CheckoutAsync("fuzz-first-order");
        await buyer.AddToCartAsync(stream.Id, products[1].Id, 2);
        return new FuzzWorld(stream.CreatorId, buyerId, stream.Id, [.. products.Select(p => p.Id)], offer.Id, order.Id);
    }

    /// <summary>Reads everything the fuzz test must not change.</summary>
    public async Task<string> SnapshotAsync(EngineHost host)
    {
        var creator = host.Api(CreatorId, "creator", "seller");
        var buyerApi = host.Api(BuyerId, "viewer");
        var lines = new List<string>();
        foreach (var productId in ProductIds)
        {
            var product = await creator.GetProductAsync(productId);
            var inventory = await Stock.OfAsync(host, productId);
            lines.Add($"product {product.Id} {product.Name} {product.Price.Amount} {product.Price.Currency} stock={product.Stock} inventory={inventory} verified={product.VerifiedSellerKind}");
        }

        // No bad request verifies the creator: the fuzzer's verification bodies are all bad, its revocations name others.
        try
        {
            var verification = await host.Api("fuzz-admin", "admin").GetSellerVerificationAsync(CreatorId);
            lines.Add($"verification {verification.SellerKind} {verification.VerifiedAt:O}");
        }
        catch (LiveApiException unverified) when (unverified.Status == System.Net.HttpStatusCode.NotFound)
        {
            lines.Add("verification none");
        }

        var catalog = await creator.ListProductsAsync(CreatorId);
        lines.Add("catalog " + string.Join(",", catalog.Select(p => p.Id)));
        var snapshot = await creator.GetStreamAsync(StreamId);
        lines.Add($"stream {snapshot.Id} {snapshot.Title} {snapshot.Status} {snapshot.CreatorId} pinned={snapshot.Pinned?.ProductId}");
        lines.AddRange(snapshot.Offers.OrderBy(o => o.Id, StringComparer.Ordinal)
            .Select(o => $"offer {o.Id} {o.ProductId} {o.Price.Amount} {o.Quantity} remaining={o.Remaining} {o.Status} {o.EndsAt:O}"));
        // The cards' stock is a cached figure the stream refreshes on its own; the product lines above carry the real one.
        lines.AddRange(snapshot.Products.OrderBy(p => p.ProductId, StringComparer.Ordinal).Select(p => $"card {p.ProductId} {p.Price.Amount} {p.VerifiedSellerKind}"));
        var streams = await creator.ListStreamsAsync(CreatorId);
        lines.Add("streams " + string.Join(",", streams.Select(s => s.Id + ":" + s.Status)));

        await using var buyer = await host.ConnectViewerAsync(BuyerId);
        var cart = await buyer.GetCartAsync();
        lines.Add($"cart total={cart.Total.Amount} {cart.Total.Currency}");
        lines.AddRange(cart.Items.Select(i => $"line {i.ProductId} {i.OfferId} {i.Quantity} {i.UnitPrice.Amount} {i.ReservationId}"));
        var orders = await buyerApi.ListOrdersAsync();
        lines.Add($"orders total={orders.Total}");
        lines.AddRange(orders.Items.Select(o => $"order {o.Id} {o.Status} {o.Total.Amount} {o.Items.Count}"));
        return string.Join('\n', lines);
    }
}
