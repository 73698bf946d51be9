using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Abstractions.Products;

/// <summary>A seller's catalog, keyed by the seller's <c>sub</c>: it keeps SKUs unique per seller.</summary>
[Alias("lc.ISellerCatalogGrain")]
public interface ISellerCatalogGrain : IGrainWithStringKey
{
    /// <summary>Creates a product for this seller; a SKU the seller already used is a conflict.</summary>
    /// <param name="request">A validated request.</param>
    [Alias("CreateProductAsync")]
    Task<Product> CreateProductAsync(CreateProductRequest request);

    /// <summary>The ids of the seller's products, oldest first.</summary>
    [Alias("GetProductIdsAsync")]
    Task<IReadOnlyList<string>> GetProductIdsAsync();
}
