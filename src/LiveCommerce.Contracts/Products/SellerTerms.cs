using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Products;

/// <summary>
/// What a seller allows creators other than themselves to do with a product in their streams (contract v2,
/// <c>PUT /api/products/{id}/terms</c>): offers, auctions and giveaways need a price at or above
/// <see cref="MinLivePrice"/> and at most <see cref="MaxOfferUnits"/> units each.
/// </summary>
[GenerateSerializer, Immutable, Alias("lc.SellerTerms")]
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record SellerTerms
{
    /// <summary>The lowest live price another creator may set, or null for no floor.</summary>
    [Id(0)] public Money? MinLivePrice { get; init; }

    /// <summary>The most units one offer, auction or giveaway of another creator may take, or null for no cap.</summary>
    [Id(1)] public int? MaxOfferUnits { get; init; }
}
