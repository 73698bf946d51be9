using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Offers;

/// <summary>A flash offer: a live-only price on a limited number of units, until <see cref="EndsAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("lc.Offer")]
public sealed record Offer
{
    /// <summary>The offer's id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The stream it runs in.</summary>
    [Id(1)] public required string StreamId { get; init; }

    /// <summary>The product on offer.</summary>
    [Id(2)] public required string ProductId { get; init; }

    /// <summary>The product's name.</summary>
    [Id(3)] public required string Name { get; init; }

    /// <summary>The live-only price.</summary>
    [Id(4)] public required Money Price { get; init; }

    /// <summary>The product's regular price.</summary>
    [Id(5)] public required Money OriginalPrice { get; init; }

    /// <summary>Units given to the offer.</summary>
    [Id(6)] public int Quantity { get; init; }

    /// <summary>Units neither held nor sold.</summary>
    [Id(7)] public int Remaining { get; init; }

    /// <summary>Units one viewer may hold or buy.</summary>
    [Id(8)] public int PerViewerLimit { get; init; }

    /// <summary>When it ends.</summary>
    [Id(9)] public DateTimeOffset EndsAt { get; init; }

    /// <summary><c>active</c> or <c>ended</c>.</summary>
    [Id(10)] public required string Status { get; init; }
}
