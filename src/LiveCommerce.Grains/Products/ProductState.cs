using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Grains.Products;

/// <summary>The stored state of a <see cref="ProductGrain"/>.</summary>
[GenerateSerializer, Alias("lc.ProductState")]
public sealed record ProductState
{
    /// <summary>The product (its <see cref="Product.Stock"/> is the units on sale), or null before it is created.</summary>
    [Id(0)] public Product? Product { get; set; }

    /// <summary>Units the product was given in all.</summary>
    [Id(1)] public int Received { get; set; }

    /// <summary>Units lent to flash offers, neither sold nor given back yet.</summary>
    [Id(2)] public int InOffers { get; set; }

    /// <summary>Units sold, regular and through offers.</summary>
    [Id(3)] public int Sold { get; set; }

    /// <summary>
    /// Every stock operation the product has seen, by id, never forgotten: a retry, a replay after a restart or a
    /// late duplicate of any of them changes nothing (see <see cref="StockLedger"/>).
    /// </summary>
    [Id(6)] public Dictionary<string, AppliedStock> Operations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The revision of the seller's verification that <see cref="Product"/> shows (its
    /// <see cref="Contracts.Products.Product.VerifiedSellerKind"/>); an older one sent late changes nothing.
    /// </summary>
    [Id(7)] public long SellerRevision { get; set; }
}
