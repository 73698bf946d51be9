using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Commerce;

/// <summary>A viewer's cart.</summary>
[GenerateSerializer, Immutable, Alias("lc.Cart")]
public sealed record Cart
{
    /// <summary>The lines.</summary>
    [Id(0)] public required IReadOnlyList<CartItem> Items { get; init; }

    /// <summary>The sum of every line; zero in the cart's currency, or with an empty currency when the cart is empty.</summary>
    [Id(1)] public required Money Total { get; init; }
}
