using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Offers;

/// <summary>The body of <c>POST /api/streams/{id}/offers</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.CreateOfferRequest")]
public sealed record CreateOfferRequest
{
    /// <summary>A product on the stream's list.</summary>
    [Id(0)] public string? ProductId { get; init; }

    /// <summary>The live-only price: the product's currency, not above its price.</summary>
    [Id(1)] public Money? Price { get; init; }

    /// <summary>Units given to the offer, taken out of the product's stock.</summary>
    [Id(2)] public int? Quantity { get; init; }

    /// <summary>How long it runs: 10 seconds to 1 hour.</summary>
    [Id(3)] public int? DurationSeconds { get; init; }

    /// <summary>Units one viewer may hold or buy; 1 when absent.</summary>
    [Id(4)] public int? PerViewerLimit { get; init; }
}
