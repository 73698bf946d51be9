using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Abstractions.Offers;

/// <summary>
/// A validated flash offer, as a stream asks its offer grain to start it; or, with <see cref="Lot"/>, the units of an
/// auction or giveaway (keyed by its id), which viewers never claim: its owner awards them (see <c>AwardAsync</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("lc.OfferSpec")]
public sealed record OfferSpec(
    [property: Id(0)] string StreamId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] string Name,
    [property: Id(3)] Money Price,
    [property: Id(4)] Money OriginalPrice,
    [property: Id(5)] int Quantity,
    [property: Id(6)] TimeSpan Duration,
    [property: Id(7)] int PerViewerLimit,
    [property: Id(8)] string? CreatorId = null,
    [property: Id(9)] bool Lot = false);
