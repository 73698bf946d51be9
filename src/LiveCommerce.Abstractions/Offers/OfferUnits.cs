namespace LiveCommerce.Abstractions.Offers;

/// <summary>Where an offer's units are: <see cref="Remaining"/> is zero once it ended (they went back to stock).</summary>
[GenerateSerializer, Immutable, Alias("lc.OfferUnits")]
public sealed record OfferUnits(
    [property: Id(0)] string ProductId,
    [property: Id(1)] bool Active,
    [property: Id(2)] int Remaining,
    [property: Id(3)] int Held,
    [property: Id(4)] int Sold);
