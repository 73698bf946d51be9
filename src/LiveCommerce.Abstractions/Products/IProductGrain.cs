using LiveCommerce.Abstractions.Sellers;
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

    /// <summary>Sets the seller's terms for other creators' streams (null removes them); 403 unless <paramref name="callerId"/> is the seller.</summary>
    [Alias("SetTermsAsync")]
    Task<Product> SetTermsAsync(string callerId, SellerTerms? terms);

    /// <summary>Applies a stock operation once per id (see <see cref="Stock.StockOperation"/>); 409 when stock is short.</summary>
    [Alias("ApplyAsync")]
    Task ApplyAsync(Stock.StockOperation operation);

    /// <summary>
    /// Takes the seller's verification as of <paramref name="standing"/> (sent by the seller after a change); a standing
    /// no newer than the one the product has changes nothing, and so does one for a product not created yet.
    /// </summary>
    [Alias("ApplySellerStandingAsync")]
    Task ApplySellerStandingAsync(SellerStanding standing);

    /// <summary>Where every unit is: in stock, lent to offers, or sold.</summary>
    [Alias("GetInventoryAsync")]
    Task<Inventory> GetInventoryAsync();
}
