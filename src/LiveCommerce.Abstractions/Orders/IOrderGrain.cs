using LiveCommerce.Abstractions.Vouchers;
using LiveCommerce.Contracts.Commerce;

namespace LiveCommerce.Abstractions.Orders;

/// <summary>
/// One order, keyed by an id derived from the buyer and the idempotency key. Placing it takes every unit or
/// none; a placed order is stored before it is answered, so it is never lost.
/// </summary>
[Alias("lc.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Places the order, spending <paramref name="voucher"/> when given, or returns it when it was already placed.</summary>
    [Alias("PlaceAsync")]
    Task<Order> PlaceAsync(string buyerId, string idempotencyKey, IReadOnlyList<CartItem> items, VoucherUse? voucher = null);

    /// <summary>The order, or null when there is no such order.</summary>
    [Alias("GetAsync")]
    Task<Order?> GetAsync();
}
