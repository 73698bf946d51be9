using System.Security.Cryptography;
using System.Text;
using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Orders;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Grains.Carts;

/// <inheritdoc cref="ICartGrain" />
public sealed class CartGrain([PersistentState("cart")] IPersistentState<CartState> state) : Grain, ICartGrain
{
    /// <summary>The most units of one product in a regular line.</summary>
    public const int MaxQuantity = 99;

    /// <summary>The most lines in a cart.</summary>
    public const int MaxLines = 50;

    /// <summary>The longest idempotency key.</summary>
    public const int MaxKeyLength = 128;

    private string BuyerId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task<Cart> GetAsync() => Task.FromResult(Snapshot());

    /// <inheritdoc />
    public async Task<Cart> AddItemAsync(string streamId, string productId, int quantity)
    {
        if (quantity is < 1 or > MaxQuantity)
        {
            throw LiveCommerceException.Invalid($"The quantity must be 1 to {MaxQuantity}.");
        }

        var product = await GrainFactory.GetGrain<IProductGrain>(productId).GetAsync()
            ?? throw LiveCommerceException.NotFound($"Product '{productId}' was not found.");
        CheckCurrency(product.Price);
        var items = state.State.Items;
        var index = items.FindIndex(i => i.OfferId is null && i.ProductId == productId);
        var total = quantity + (index >= 0 ? items[index].Quantity : 0);
        if (total > MaxQuantity)
        {
            throw LiveCommerceException.Invalid($"A cart holds at most {MaxQuantity} of one product.");
        }

        if (total > product.Stock)
        {
            throw LiveCommerceException.Conflict(product.Stock == 0 ? $"'{product.Name}' is sold out." : $"Only {product.Stock} of '{product.Name}' are left.");
        }

        var line = new CartItem { ProductId = productId, Quantity = total, UnitPrice = product.Price, StreamId = streamId, Name = product.Name };
        if (index >= 0)
        {
            items[index] = line;
        }
        else
        {
            CheckRoom();
            items.Add(line);
        }

        await state.WriteStateAsync();
        return Snapshot();
    }

    /// <inheritdoc />
    public Task<Cart> SetQuantityAsync(string productId, int quantity) => throw new NotSupportedException();

    /// <inheritdoc />
    public Task<Cart> ReleaseHoldAsync(string reservationId) => throw new NotSupportedException();

    /// <inheritdoc />
    public async Task<Cart> AddHoldAsync(CartItem line)
    {
        CheckCurrency(line.UnitPrice);
        CheckRoom();
        if (!state.State.Items.Any(i => i.ReservationId == line.ReservationId))
        {
            state.State.Items.Add(line);
            await state.WriteStateAsync();
        }

        return Snapshot();
    }

    /// <inheritdoc />
    public async Task DropHoldAsync(string reservationId)
    {
        if (state.State.Items.RemoveAll(i => i.ReservationId == reservationId) > 0)
        {
            await state.WriteStateAsync();
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

        if (state.State.Items.Count == 0)
        {
            throw LiveCommerceException.Invalid("Your cart is empty.");
        }

        var placed = await order.PlaceAsync(BuyerId, idempotencyKey, state.State.Items.ToList());
        state.State.OrdersByKey[idempotencyKey] = orderId;
        state.State.OrderIds.Insert(0, orderId);
        state.State.Items.Clear();
        await state.WriteStateAsync();
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

    private Cart Snapshot()
    {
        var items = state.State.Items;
        var currency = items.Count > 0 ? items[0].UnitPrice.Currency : string.Empty;
        var total = items.Aggregate(0L, (sum, item) => checked(sum + (item.UnitPrice.Amount * item.Quantity)));
        return new Cart { Items = items.ToList(), Total = new Money(total, currency) };
    }

    private void CheckCurrency(Money price)
    {
        if (state.State.Items.Count > 0 && state.State.Items[0].UnitPrice.Currency != price.Currency)
        {
            throw LiveCommerceException.Invalid($"Your cart is in {state.State.Items[0].UnitPrice.Currency}; check it out before buying in {price.Currency}.");
        }
    }

    private void CheckRoom()
    {
        if (state.State.Items.Count >= MaxLines)
        {
            throw LiveCommerceException.Invalid($"A cart holds at most {MaxLines} lines.");
        }
    }
}
