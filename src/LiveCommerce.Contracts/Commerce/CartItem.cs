using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Commerce;

/// <summary>One line of a cart or an order.</summary>
[GenerateSerializer, Immutable, Alias("lc.CartItem")]
public sealed record CartItem
{
    /// <summary>The product.</summary>
    [Id(0)] public required string ProductId { get; init; }

    /// <summary>The flash offer whose held unit this line is, or null for a regular line.</summary>
    [Id(1)] public string? OfferId { get; init; }

    /// <summary>Units.</summary>
    [Id(2)] public int Quantity { get; init; }

    /// <summary>Price of one unit.</summary>
    [Id(3)] public required Money UnitPrice { get; init; }

    /// <summary>The hold behind an offer line, or null.</summary>
    [Id(4)] public string? ReservationId { get; init; }

    /// <summary>The stream the line was added in.</summary>
    [Id(5)] public string? StreamId { get; init; }

    /// <summary>The product's name, for display (an addition to the contract).</summary>
    [Id(6)] public string? Name { get; init; }

    /// <summary>When the hold behind an offer line lapses, or null.</summary>
    [Id(7)] public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The creator whose stream sold the line (contract v2), or null when unknown.</summary>
    [Id(8)] public string? CreatorId { get; init; }
}
