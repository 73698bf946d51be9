using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Grains.Products;

/// <inheritdoc cref="IProductGrain" />
public sealed class ProductGrain(
    [PersistentState("product")] IPersistentState<ProductState> state,
    TimeProvider time) : Grain, IProductGrain
{
    /// <summary>How many applied operations are remembered for idempotent retries.</summary>
    public const int RememberedOperations = 20_000;

    private Product Existing => state.State.Product ?? throw LiveCommerceException.NotFound($"Product '{this.GetPrimaryKeyString()}' was not found.");

    /// <inheritdoc />
    public async Task<Product> CreateAsync(string sellerId, CreateProductRequest request)
    {
        if (state.State.Product is { } existing)
        {
            return existing;
        }

        var product = new Product
        {
            Id = this.GetPrimaryKeyString(),
            SellerId = sellerId,
            Sku = request.Sku!.Trim(),
            Name = request.Name!.Trim(),
            Description = request.Description?.Trim(),
            ImageUrl = request.ImageUrl,
            Category = request.Category?.Trim(),
            Price = request.Price!,
            Stock = request.Stock ?? 0,
            SellerKind = request.SellerKind ?? SellerKinds.Brand,
            Origin = request.Origin,
            CreatedAt = time.GetUtcNow(),
        };
        state.State.Product = product;
        state.State.Received = product.Stock;
        await state.WriteStateAsync();
        return product;
    }

    /// <inheritdoc />
    public Task<Product?> GetAsync() => Task.FromResult(state.State.Product);

    /// <inheritdoc />
    public Task<Product> SetTermsAsync(string callerId, SellerTerms terms) => throw new NotSupportedException();

    /// <inheritdoc />
    public Task ApplyAsync(LiveCommerce.Abstractions.Products.Stock.StockOperation operation) => throw new NotSupportedException();

    /// <inheritdoc />
    public Task<Inventory> GetInventoryAsync() =>
        Task.FromResult(new Inventory(state.State.Received, Existing.Stock, state.State.InOffers, state.State.Sold));

    /// <inheritdoc />
    public Task LendToOfferAsync(string offerId, int quantity) => ApplyAsync("lend:" + offerId, quantity, product =>
    {
        if (product.Stock < quantity)
        {
            throw LiveCommerceException.Conflict($"Only {product.Stock} of '{product.Name}' are in stock; the offer needs {quantity}.");
        }

        state.State.InOffers += quantity;
        return -quantity;
    });

    /// <inheritdoc />
    public Task ReturnFromOfferAsync(string operationId, int quantity) => ApplyAsync("return:" + operationId, quantity, _ =>
    {
        state.State.InOffers -= quantity;
        return quantity;
    });

    /// <inheritdoc />
    public Task RecordOfferSaleAsync(string operationId, int quantity) => ApplyAsync("offer-sale:" + operationId, quantity, _ =>
    {
        state.State.InOffers -= quantity;
        state.State.Sold += quantity;
        return 0;
    });

    /// <inheritdoc />
    public async Task RevertOfferSaleAsync(string operationId)
    {
        if (state.State.Applied.TryGetValue("offer-sale:" + operationId, out var sold) && sold > 0)
        {
            await ApplyAsync("offer-unsale:" + operationId, sold, _ =>
            {
                state.State.Sold -= sold;
                state.State.InOffers += sold;
                return 0;
            });
        }
    }

    /// <inheritdoc />
    public Task SellAsync(string orderId, int quantity) => ApplyAsync("sell:" + orderId, quantity, product =>
    {
        if (product.Stock < quantity)
        {
            throw LiveCommerceException.Conflict(product.Stock == 0
                ? $"'{product.Name}' is sold out."
                : $"Only {product.Stock} of '{product.Name}' are left.");
        }

        state.State.Sold += quantity;
        return -quantity;
    });

    /// <inheritdoc />
    public async Task UnsellAsync(string orderId)
    {
        if (state.State.Applied.TryGetValue("sell:" + orderId, out var sold) && sold > 0)
        {
            await ApplyAsync("unsell:" + orderId, sold, _ =>
            {
                state.State.Sold -= sold;
                return sold;
            });
        }
    }

    /// <summary>
    /// Applies a stock operation once: <paramref name="apply"/> checks and moves units between the counters and
    /// returns the change to the units on sale. A retry with the same id changes nothing.
    /// </summary>
    private async Task ApplyAsync(string operationId, int quantity, Func<Product, int> apply)
    {
        if (quantity <= 0)
        {
            throw LiveCommerceException.Invalid("The quantity must be at least 1.");
        }

        var product = Existing;
        if (state.State.Applied.ContainsKey(operationId))
        {
            return;
        }

        var stockChange = apply(product);
        state.State.Product = product with { Stock = product.Stock + stockChange };
        state.State.Applied[operationId] = quantity;
        state.State.AppliedOrder.Enqueue(operationId);
        while (state.State.AppliedOrder.Count > RememberedOperations)
        {
            state.State.Applied.Remove(state.State.AppliedOrder.Dequeue());
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The stored state is the truth: start again from it rather than from a change that was not kept.
            DeactivateOnIdle();
            throw;
        }
    }
}
