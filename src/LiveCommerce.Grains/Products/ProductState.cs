using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Grains.Products;

/// <summary>The stored state of a <see cref="ProductGrain"/>.</summary>
[GenerateSerializer, Alias("lc.ProductState")]
public sealed record ProductState
{
    /// <summary>The product, or null before it is created.</summary>
    [Id(0)] public Product? Product { get; set; }
}
