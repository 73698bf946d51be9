using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Commerce;

/// <summary>A confirmed order.</summary>
[GenerateSerializer, Immutable, Alias("lc.Order")]
public sealed record Order
{
    /// <summary>The order's id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The buyer's <c>sub</c>.</summary>
    [Id(1)] public required string BuyerId { get; init; }

    /// <summary>Always <c>confirmed</c> in this version.</summary>
    [Id(2)] public required string Status { get; init; }

    /// <summary>What was bought.</summary>
    [Id(3)] public required IReadOnlyList<CartItem> Items { get; init; }

    /// <summary>What was charged: <see cref="Subtotal"/> less <see cref="Discount"/>.</summary>
    [Id(4)] public required Money Total { get; init; }

    /// <summary>When it was confirmed.</summary>
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The checkout's idempotency key.</summary>
    [Id(6)] public string? IdempotencyKey { get; init; }

    /// <summary>The sum of the lines (contract v2).</summary>
    [Id(7)] public Money? Subtotal { get; init; }

    /// <summary>What the voucher took off; zero without one (contract v2).</summary>
    [Id(8)] public Money? Discount { get; init; }

    /// <summary>The voucher spent on this order, or null (contract v2).</summary>
    [Id(9)] public string? VoucherId { get; init; }
}
