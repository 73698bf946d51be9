namespace LiveCommerce.Grains.Products;

/// <summary>The stored state of a <see cref="SellerCatalogGrain"/>.</summary>
[GenerateSerializer, Alias("lc.SellerCatalogState")]
public sealed record SellerCatalogState
{
    /// <summary>Product ids by SKU.</summary>
    [Id(0)] public Dictionary<string, string> ProductIdsBySku { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Product ids, oldest first.</summary>
    [Id(1)] public List<string> ProductIds { get; set; } = [];
}
