using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Products;

/// <summary>The body of <c>POST /api/products</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.CreateProductRequest")]
public sealed record CreateProductRequest
{
    /// <summary>The seller's own stock-keeping unit, unique per seller.</summary>
    [Id(0)] public string? Sku { get; init; }

    /// <summary>Display name.</summary>
    [Id(1)] public string? Name { get; init; }

    /// <summary>Optional description.</summary>
    [Id(2)] public string? Description { get; init; }

    /// <summary>Optional absolute http(s) image address.</summary>
    [Id(3)] public string? ImageUrl { get; init; }

    /// <summary>Optional category, used by the ranker.</summary>
    [Id(4)] public string? Category { get; init; }

    /// <summary>The regular price.</summary>
    [Id(5)] public Money? Price { get; init; }

    /// <summary>Units in stock, zero or more.</summary>
    [Id(6)] public int? Stock { get; init; }

    /// <summary><c>local-sme</c>, <c>brand</c> or <c>platform</c>; <c>brand</c> when absent.</summary>
    [Id(7)] public string? SellerKind { get; init; }

    /// <summary>Optional ISO 3166 alpha-2 country of origin.</summary>
    [Id(8)] public string? Origin { get; init; }
}
