using System.Security.Cryptography;
using System.Text;
using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Orders;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Vouchers;
using LiveCommerce.Grains.Storage;
using LiveCommerce.Grains.Streams;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Grains.Carts;

/// <inheritdoc cref="ICartGrain" />
/// <remarks>
/// A line of a hold whose time is up is dropped whenever the cart is read or changed, so a lost one-way drop never
/// leaves it behind. A change is stored before it is answered; a failed write reloads the stored cart.
/// </remarks>
public sealed partial class CartGrain(
    [PersistentState("cart")] IPersistentState<CartState> state,
    StreamReads streams,
    TimeProvider time,
    ILogger<CartGrain> logger) : Grain, ICartGrain
{
    /// <summary>The most units of one product in a regular line.</summary>
    public const int MaxQuantity = 99;

    /// <summary>The most lines in a cart.</summary>
    public const int MaxLines = 50;

    /// <summary>The longest idempotency key.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>How long an unsettled checkout is looked after; its order settles itself well within this.</summary>
    private static readonly TimeSpan SettleHorizon = TimeSpan.FromMinutes(10);

    private string BuyerId => this.GetPrimaryKeyString();

    private List<CartItem> Items => state.State.Items;

    /// <inheritdoc />
    public async Task<Cart> GetAsync()
    {
        await SettleAsync();
        DropLapsed();
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<Cart> AddItemAsync(string streamId, string productId, int quantity)
    {
        CheckQuantity(quantity, 1);
        DropLapsed();
        var index = Items.FindIndex(i => i.OfferId is null && i.ProductId == productId);
        var total = quantity + (index >= 0 ? Items[index].Quantity : 0);
        var stream = await streams.ListingAsync(streamId);
        var line = await RegularLineAsync(productId, total, streamId, stream?.CreatorId);
        if (index >= 0)
        {
            Items[index] = line;
        }
        else
        {
            CheckRoom();
            Items.Add(line);
        }

        return await SaveAsync();
    }

    /// <inheritdoc />
    public async Task<Cart> SetQuantityAsync(string productId, int quantity)
    {
        CheckQuantity(quantity, 0);
        DropLapsed();
        var index = Items.FindIndex(i => i.OfferId is null && i.ProductId == productId);
        if (index < 0)
        {
            return quantity == 0
                ? Snapshot()
                : throw LiveCommerceException.NotFound($"Product '{productId}' is not in your cart; add it from a stream first.");
        }

        if (quantity == 0)
        {
            Items.RemoveAt(index);
        }
        else
        {
            var existing = Items[index];
            Items[index] = await RegularLineAsync(productId, quantity, existing.StreamId, existing.CreatorId);
        }

        return await SaveAsync();
    }

    /// <inheritdoc />
    public async Task<Cart> AddHoldAsync(CartItem line)
    {
        DropLapsed();
        if (Items.Any(i => i.ReservationId == line.ReservationId))
        {
            return Snapshot();
        }

        CheckRoom();
        _ = CartTotals.Of([.. Items, line]);
        if (line.CreatorId is null && line.StreamId is not null)
        {
            line = line with { CreatorId = (await streams.ListingAsync(line.StreamId))?.CreatorId };
        }

        Items.Add(line);
        return await SaveAsync();
    }

    /// <inheritdoc />
    public async Task<Cart> ReleaseHoldAsync(string reservationId)
    {
        DropLapsed();
        var line = Items.Find(i => i.ReservationId == reservationId);
        if (line is null)
        {
            return Snapshot();
        }

        await GrainFactory.GetGrain<IFlashOfferGrain>(line.OfferId!).ReleaseHoldAsync(reservationId, BuyerId);
        Items.Remove(line);
        return await SaveAsync();
    }

    /// <inheritdoc />
    public async Task<Cart> AddVoucherAsync(ClaimedVoucher voucher)
    {
        DropLapsed();
        if (!state.State.Vouchers.Any(v => v.ClaimId == voucher.ClaimId))
        {
            if (state.State.Vouchers.Count >= MaxLines)
            {
                throw LiveCommerceException.Invalid($"You hold {MaxLines} vouchers already; use some first.");
            }

            state.State.Vouchers.Add(voucher);
        }

        return await SaveAsync();
    }

    /// <inheritdoc />
    public async Task DropHoldAsync(string reservationId)
    {
        if (Items.RemoveAll(i => i.ReservationId == reservationId) > 0)
        {
            await state.WriteOrReloadAsync(this);
        }
    }

    /// <inheritdoc />
    public async Task<Order> CheckoutAsync(string idempotencyKey)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxKeyLength)
        {
            throw LiveCommerceException.Invalid($"An idempotency key of 1 to {MaxKeyLength} characters is required.");
        }

        var orderId = OrderIdOf(BuyerId, idempotencyKey);
        var order = GrainFactory.GetGrain<IOrderGrain>(orderId);
        await SettleAsync();
        if (state.State.OrdersByKey.ContainsKey(idempotencyKey))
        {
            return await order.GetAsync() ?? throw new InvalidOperationException($"Order {orderId} is missing.");
        }

        DropLapsed();
        if (Items.Count == 0)
        {
            throw LiveCommerceException.Invalid("Your cart is empty.");
        }

        _ = CartTotals.Of(Items);
        if (!state.State.Unsettled.ContainsKey(idempotencyKey))
        {
            // Noted before the order is asked, so that an order confirmed behind a lost answer is never lost to the buyer.
            state.State.Unsettled[idempotencyKey] = time.GetUtcNow();
            await state.WriteOrReloadAsync(this);
        }

        Order placed;
        try
        {
            placed = await order.PlaceAsync(BuyerId, idempotencyKey, Items.ToList(), VoucherWallet.Best(state.State.Vouchers, Items, time.GetUtcNow()));
        }
        catch (LiveCommerceException)
        {
            // A refusal is definitive: the order has dropped its attempt, and the key is free for a new one.
            state.State.Unsettled.Remove(idempotencyKey);
            await TryWriteAsync();
            throw;
        }

        Settled(idempotencyKey, placed);
        await state.WriteOrReloadAsync(this);
        return placed;
    }

    /// <inheritdoc />
    public async Task<OrderPage> GetOrdersAsync(int page, int pageSize)
    {
        await SettleAsync();
        var ids = state.State.OrderIds.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var orders = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IOrderGrain>(id).GetAsync()));
        return new OrderPage { Items = orders.OfType<Order>().ToList(), Page = page, PageSize = pageSize, Total = state.State.OrderIds.Count };
    }

    /// <summary>The order id of a buyer's checkout with a key: the same key always names the same order.</summary>
    public static string OrderIdOf(string buyerId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(buyerId + "\n" + idempotencyKey));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private async Task<CartItem> RegularLineAsync(string productId, int quantity, string? streamId, string? creatorId)
    {
        if (quantity > MaxQuantity)
        {
            throw LiveCommerceException.Invalid($"A cart holds at most {MaxQuantity} of one product.");
        }

        var product = await GrainFactory.GetGrain<IProductGrain>(productId).GetAsync()
            ?? throw LiveCommerceException.NotFound($"Product '{productId}' was not found.");
        if (quantity > product.Stock)
        {
            throw LiveCommerceException.Conflict(product.Stock == 0 ? $"'{product.Name}' is sold out." : $"Only {product.Stock} of '{product.Name}' are left.");
        }

        var line = new CartItem { ProductId = productId, Quantity = quantity, UnitPrice = product.Price, StreamId = streamId, Name = product.Name, CreatorId = creatorId };
        _ = CartTotals.Of([.. Items.Where(i => i.OfferId is not null || i.ProductId != productId), line]);
        return line;
    }

    /// <summary>Asks the order of every unsettled checkout how it ended; a confirmed one is recorded as if it had been answered.</summary>
    private async Task SettleAsync()
    {
        if (state.State.Unsettled.Count == 0)
        {
            return;
        }

        var changed = false;
        var now = time.GetUtcNow();
        foreach (var (key, since) in state.State.Unsettled.ToList())
        {
            if (await GrainFactory.GetGrain<IOrderGrain>(OrderIdOf(BuyerId, key)).GetAsync() is { } confirmed)
            {
                Settled(key, confirmed);
                changed = true;
            }
            else if (now - since > SettleHorizon)
            {
                state.State.Unsettled.Remove(key);
                changed = true;
            }
        }

        if (changed)
        {
            await TryWriteAsync();
        }
    }

    /// <summary>Records a confirmed order of <paramref name="key"/>: its lines leave the cart, and it joins the buyer's orders.</summary>
    private void Settled(string key, Order placed)
    {
        foreach (var bought in placed.Items)
        {
            var index = Items.FindIndex(i => i.ProductId == bought.ProductId && i.OfferId == bought.OfferId && i.ReservationId == bought.ReservationId);
            if (index < 0)
            {
                continue;
            }

            var left = Items[index].Quantity - bought.Quantity;
            if (left > 0)
            {
                Items[index] = Items[index] with { Quantity = left };
            }
            else
            {
                Items.RemoveAt(index);
            }
        }

        if (placed.VoucherId is { } spent && !state.State.OrdersByKey.ContainsKey(key))
        {
            var index = state.State.Vouchers.FindIndex(v => v.VoucherId == spent);
            if (index >= 0)
            {
                state.State.Vouchers.RemoveAt(index);
            }
        }

        state.State.Unsettled.Remove(key);
        if (state.State.OrdersByKey.TryAdd(key, placed.Id))
        {
            state.State.OrderIds.Insert(0, placed.Id);
        }
    }

    private async Task TryWriteAsync()
    {
        // What was not stored is worked out again on the next read: settling is idempotent.
        if (await state.TryWriteOrReloadAsync(this) is { } error)
        {
            LogDeferred(logger, BuyerId, error);
        }
    }

    private async Task<Cart> SaveAsync()
    {
        await state.WriteOrReloadAsync(this);
        return Snapshot();
    }

    private void DropLapsed()
    {
        var now = time.GetUtcNow();
        Items.RemoveAll(i => i.ExpiresAt is { } expires && expires <= now);
        state.State.Vouchers.RemoveAll(v => v.ExpiresAt <= now);
    }

    private Cart Snapshot()
    {
        var subtotal = CartTotals.Of(Items);
        var voucher = VoucherWallet.Best(state.State.Vouchers, Items, time.GetUtcNow());
        return new()
        {
            Items = Items.ToList(),
            Subtotal = subtotal,
            Discount = voucher?.Discount,
            VoucherId = voucher?.VoucherId,
            Total = voucher is null ? subtotal : subtotal with { Amount = subtotal.Amount - voucher.Discount.Amount },
        };
    }

    private static void CheckQuantity(int quantity, int least)
    {
        if (quantity < least || quantity > MaxQuantity)
        {
            throw LiveCommerceException.Invalid($"The quantity must be {least} to {MaxQuantity}.");
        }
    }

    private void CheckRoom()
    {
        if (Items.Count >= MaxLines)
        {
            throw LiveCommerceException.Invalid($"A cart holds at most {MaxLines} lines.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cart of {BuyerId}: a write was deferred; it is worked out again on the next read")]
    private static partial void LogDeferred(ILogger logger, string buyerId, Exception error);
}
