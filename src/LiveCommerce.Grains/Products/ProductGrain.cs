using LiveCommerce.Abstractions.Products;
using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Grains.Products;

/// <inheritdoc cref="IProductGrain" />
public sealed class ProductGrain(
    [PersistentState("product")] IPersistentState<ProductState> state,
    TimeProvider time) : Grain, IProductGrain
{
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
        await state.WriteStateAsync();
        return product;
    }

    /// <inheritdoc />
    public Task<Product?> GetAsync() => Task.FromResult(state.State.Product);
}
