namespace LiveCommerce.Contracts.Hub;

/// <summary>The latest number of units left in a flash offer.</summary>
[GenerateSerializer, Immutable, Alias("lc.OfferUpdated")]
public sealed record OfferUpdated([property: Id(0)] string StreamId, [property: Id(1)] string OfferId, [property: Id(2)] int Remaining);
