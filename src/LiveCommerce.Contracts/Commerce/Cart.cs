using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Commerce;

/// <summary>A viewer's cart.</summary>
[GenerateSerializer, Immutable, Alias("lc.Cart")]
public sealed record Cart
{
    /// <summary>The lines.</summary>
    [Id(0)] public required IReadOnlyList<CartItem> Items { get; init; }

    /// <summary>
    /// What checking out would charge now: <see cref="Subtotal"/> less <see cref="Discount"/>; zero in the cart's
    /// currency, or with an empty currency when the cart is empty.
    /// </summary>
    [Id(1)] public required Money Total { get; init; }

    /// <summary>The sum of every line (contract v2).</summary>
    [Id(2)] public Money? Subtotal { get; init; }

    /// <summary>What the best claimed voucher takes off at checkout now, or null when none applies (contract v2).</summary>
    [Id(3)] public Money? Discount { get; init; }

    /// <summary>The voucher that would apply, or null (contract v2).</summary>
    [Id(4)] public string? VoucherId { get; init; }
}
