using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Grains.Storage;

namespace LiveCommerce.Grains.Products;

/// <inheritdoc cref="ISellerCatalogGrain" />
public sealed class SellerCatalogGrain(
    [PersistentState("catalog")] IPersistentState<SellerCatalogState> state) : Grain, ISellerCatalogGrain
{
    /// <inheritdoc />
    public async Task<Product> CreateProductAsync(CreateProductRequest request)
    {
        var sellerId = this.GetPrimaryKeyString();
        var sku = request.Sku!.Trim();
        if (state.State.ProductIdsBySku.TryGetValue(sku, out var knownId))
        {
            // A create that stopped between reserving the SKU and creating the product is finished here;
            // any other reuse of the SKU is a conflict.
            var known = await GrainFactory.GetGrain<IProductGrain>(knownId).GetAsync();
            if (known is not null)
            {
                throw LiveCommerceException.Conflict($"You already have a product with SKU '{sku}' ({knownId}).");
            }
        }
        else
        {
            knownId = Guid.NewGuid().ToString("N");
            state.State.ProductIdsBySku[sku] = knownId;
            state.State.ProductIds.Add(knownId);
            await state.WriteOrReloadAsync(this);
        }

        return await GrainFactory.GetGrain<IProductGrain>(knownId).CreateAsync(sellerId, request);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetProductIdsAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.ProductIds.ToList());
}
