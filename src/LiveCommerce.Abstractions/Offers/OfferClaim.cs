using LiveCommerce.Contracts.Commerce;

namespace LiveCommerce.Abstractions.Offers;

/// <summary>The outcome of a claim, with the cart line of the held unit when one was reserved.</summary>
[GenerateSerializer, Immutable, Alias("lc.OfferClaim")]
public sealed record OfferClaim([property: Id(0)] ClaimResult Result, [property: Id(1)] CartItem? Line);
