using System.Security.Cryptography;
using System.Text;
using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Orders;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Grains.Storage;

namespace LiveCommerce.Grains.Carts;

/// <inheritdoc cref="ICartGrain" />
/// <remarks>
/// A line of a hold whose time is up is dropped whenever the cart is read or changed, so a lost one-way drop never
/// leaves it behind. A change is stored before it is answered; a failed write reloads the stored cart.
/// </remarks>
public sealed class CartGrain(
    [PersistentState("cart")] IPersistentState<CartState> state,
    TimeProvider time) : Grain, ICartGrain
{
    /// <summary>The most units of one product in a regular line.</summary>
    public const int MaxQuantity = 99;

    /// <summary>The most lines in a cart.</summary>
    public const int MaxLines = 50;

    /// <summary>The longest idempotency key.</summary>
    public const int MaxKeyLength = 128;

    private string BuyerId => this.GetPrimaryKeyString();

    private List<CartItem> Items => state.State.Items;

    /// <inheritdoc />
    public Task<Cart> GetAsync()
    {
        DropLapsed();
        return Task.FromResult(Snapshot());
    }

    /// <inheritdoc />
    public async Task<Cart> AddItemAsync(string streamId, string productId, int quantity)
    {
        CheckQuantity(quantity, 1);
        DropLapsed();
        var index = Items.FindIndex(i => i.OfferId is null && i.ProductId == productId);
        var total = quantity + (index >= 0 ? Items[index].Quantity : 0);
        var stream = await GrainFactory.GetGrain<ILiveStreamGrain>(streamId).GetAsync();
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
        var stream = line.StreamId is null ? null : await GrainFactory.GetGrain<ILiveStreamGrain>(line.StreamId).GetAsync();
        Items.Add(line with { CreatorId = stream?.CreatorId });
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
        var placed = await order.PlaceAsync(BuyerId, idempotencyKey, Items.ToList());
        foreach (var bought in placed.Items)
        {
            var index = Items.FindIndex(i => i.ProductId == bought.ProductId && i.OfferId == bought.OfferId && i.ReservationId == bought.ReservationId);
            if (index >= 0)
            {
                Items.RemoveAt(index);
            }
        }

        state.State.OrdersByKey[idempotencyKey] = orderId;
        state.State.OrderIds.Insert(0, orderId);
        await state.WriteOrReloadAsync(this);
        return placed;
    }

    /// <inheritdoc />
    public async Task<OrderPage> GetOrdersAsync(int page, int pageSize)
    {
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

    private async Task<Cart> SaveAsync()
    {
        await state.WriteOrReloadAsync(this);
        return Snapshot();
    }

    private void DropLapsed()
    {
        var now = time.GetUtcNow();
        Items.RemoveAll(i => i.ExpiresAt is { } expires && expires <= now);
    }

    private Cart Snapshot() => new() { Items = Items.ToList(), Total = CartTotals.Of(Items) };

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
}
