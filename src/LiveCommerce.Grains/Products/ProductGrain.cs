using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Abstractions.Sellers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Grains.Storage;

namespace LiveCommerce.Grains.Products;

/// <inheritdoc cref="IProductGrain" />
/// <remarks>A thin shell over <see cref="ProductState"/> and its <see cref="StockLedger"/>.</remarks>
public sealed class ProductGrain(
    [PersistentState("product")] IPersistentState<ProductState> state,
    TimeProvider time) : Grain, IProductGrain
{
    /// <summary>The most units one offer may take under a seller's terms, and the most a product holds.</summary>
    public const int MaxUnits = 1_000_000;

    private Product Existing => state.State.Product ?? throw LiveCommerceException.NotFound($"Product '{this.GetPrimaryKeyString()}' was not found.");

    /// <inheritdoc />
    public async Task<Product> CreateAsync(string sellerId, CreateProductRequest request)
    {
        if (state.State.Product is { } existing)
        {
            return existing;
        }

        // The seller's stored verification as of now; a change the seller is handing out at this moment reaches
        // this product afterwards, as the catalog already lists it.
        var standing = await GrainFactory.GetGrain<ISellerGrain>(sellerId).GetStandingAsync();
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
            VerifiedSellerKind = standing.VerifiedKind,
        };
        state.State.Product = product;
        state.State.Received = product.Stock;
        state.State.SellerRevision = standing.Revision;
        await state.WriteOrReloadAsync(this);
        return product;
    }

    /// <inheritdoc />
    public Task<Product?> GetAsync() => Task.FromResult(state.State.Product);

    /// <inheritdoc />
    public async Task<Product> SetTermsAsync(string callerId, SellerTerms? terms)
    {
        var product = Existing;
        if (product.SellerId != callerId)
        {
            throw LiveCommerceException.Forbidden("Only the product's seller sets its terms.");
        }

        if (terms?.MinLivePrice is { } floor)
        {
            if (floor.Currency != product.Price.Currency)
            {
                throw LiveCommerceException.Invalid($"minLivePrice must be in the product's currency, {product.Price.Currency}.");
            }

            if (floor.Amount is < 0 or > Money.MaxAmount)
            {
                throw LiveCommerceException.Invalid($"minLivePrice.amount must be 0 to {Money.MaxAmount}.");
            }
        }

        if (terms?.MaxOfferUnits is < 0 or > MaxUnits)
        {
            throw LiveCommerceException.Invalid($"maxOfferUnits must be 0 to {MaxUnits}.");
        }

        state.State.Product = product with { Terms = terms };
        await state.WriteOrReloadAsync(this);
        return state.State.Product;
    }

    /// <inheritdoc />
    public async Task ApplySellerStandingAsync(SellerStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        if (state.State.Product is not { } product || standing.Revision <= state.State.SellerRevision)
        {
            return;
        }

        state.State.Product = product with { VerifiedSellerKind = standing.VerifiedKind };
        state.State.SellerRevision = standing.Revision;
        await state.WriteOrReloadAsync(this);
    }

    /// <inheritdoc />
    public async Task ApplyAsync(StockOperation operation)
    {
        _ = Existing;
        if (new StockLedger(state.State).Apply(operation))
        {
            await state.WriteOrReloadAsync(this);
        }
    }

    /// <inheritdoc />
    public Task<Inventory> GetInventoryAsync()
    {
        _ = Existing;
        return Task.FromResult(new StockLedger(state.State).Inventory);
    }
}
