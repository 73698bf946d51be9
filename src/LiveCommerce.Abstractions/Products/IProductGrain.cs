using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Abstractions.Products;

/// <summary>
/// One product of the catalog, keyed by its id. It owns the product's stock: every unit that is sold,
/// given to a flash offer or returned passes through it, one call at a time.
/// </summary>
[Alias("lc.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>Creates the product; called once by the seller's catalog after the SKU is reserved.</summary>
    /// <param name="sellerId">The <c>sub</c> of the seller.</param>
    /// <param name="request">A validated request.</param>
    [Alias("CreateAsync")]
    Task<Product> CreateAsync(string sellerId, CreateProductRequest request);

    /// <summary>The product with its current stock, or null when there is no such product.</summary>
    [Alias("GetAsync")]
    Task<Product?> GetAsync();
}
