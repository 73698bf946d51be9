namespace LiveCommerce.Contracts.Hub;

/// <summary>A flash offer is over: <c>soldOut</c>, <c>expired</c> or <c>cancelled</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.OfferEnded")]
public sealed record OfferEnded([property: Id(0)] string StreamId, [property: Id(1)] string OfferId, [property: Id(2)] string Reason);
