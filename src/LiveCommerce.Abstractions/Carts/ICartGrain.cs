using Orleans.Concurrency;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Vouchers;

namespace LiveCommerce.Abstractions.Carts;

/// <summary>
/// A buyer's cart and the orders checked out of it, keyed by the buyer's <c>sub</c>. Checkouts of one buyer
/// run one at a time here, so the same idempotency key, from any number of connections, gives one order.
/// </summary>
[Alias("lc.ICartGrain")]
public interface ICartGrain : IGrainWithStringKey
{
    /// <summary>The cart.</summary>
    [Alias("GetAsync")]
    Task<Cart> GetAsync();

    /// <summary>Adds units of a regular product (no stock is held until checkout).</summary>
    [Alias("AddItemAsync")]
    Task<Cart> AddItemAsync(string streamId, string productId, int quantity);

    /// <summary>Sets the units of the regular line of a product; 0 removes it (contract v2 <c>SetCartQuantity</c>).</summary>
    [Alias("SetQuantityAsync")]
    Task<Cart> SetQuantityAsync(string productId, int quantity);

    /// <summary>Gives a held unit back to its offer at once and drops its line (contract v2 <c>ReleaseHold</c>).</summary>
    [Alias("ReleaseHoldAsync")]
    Task<Cart> ReleaseHoldAsync(string reservationId);

    /// <summary>Adds the line of a unit held by a flash-offer claim.</summary>
    [Alias("AddHoldAsync")]
    Task<Cart> AddHoldAsync(CartItem line);

    /// <summary>Puts a claimed voucher in the buyer's wallet; the best one that applies is spent at checkout (contract v2).</summary>
    [Alias("AddVoucherAsync")]
    Task<Cart> AddVoucherAsync(ClaimedVoucher voucher);

    /// <summary>Drops the line of a hold that lapsed.</summary>
    [Alias("DropHoldAsync"), OneWay]
    Task DropHoldAsync(string reservationId);

    /// <summary>Buys every line or none; the same key always returns the same order.</summary>
    [Alias("CheckoutAsync")]
    Task<Order> CheckoutAsync(string idempotencyKey);

    /// <summary>The buyer's orders, newest first.</summary>
    [Alias("GetOrdersAsync")]
    Task<OrderPage> GetOrdersAsync(int page, int pageSize);
}
