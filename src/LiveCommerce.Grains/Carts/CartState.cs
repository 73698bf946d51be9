using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Vouchers;

namespace LiveCommerce.Grains.Carts;

/// <summary>The stored state of a <see cref="CartGrain"/>.</summary>
[GenerateSerializer, Alias("lc.CartState")]
public sealed record CartState
{
    /// <summary>The cart's lines.</summary>
    [Id(0)] public List<CartItem> Items { get; set; } = [];

    /// <summary>Order ids by the idempotency key that placed them.</summary>
    [Id(1)] public Dictionary<string, string> OrdersByKey { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The buyer's order ids, newest first.</summary>
    [Id(2)] public List<string> OrderIds { get; set; } = [];

    /// <summary>
    /// Checkouts whose outcome the cart has not learned yet (the answer was lost), by key, with when they began:
    /// each is settled against its order on the next read or checkout, so an order confirmed behind a failure
    /// still reaches the buyer's list and its lines leave the cart.
    /// </summary>
    [Id(3)] public Dictionary<string, DateTimeOffset> Unsettled { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Vouchers the buyer claimed and has not spent, until they expire (see <see cref="VoucherWallet"/>).</summary>
    [Id(4)] public List<ClaimedVoucher> Vouchers { get; set; } = [];
}
