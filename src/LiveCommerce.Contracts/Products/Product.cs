using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Products;

/// <summary>A product in the catalog, with its current stock.</summary>
[GenerateSerializer, Immutable, Alias("lc.Product")]
public sealed record Product
{
    /// <summary>The product's id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The <c>sub</c> of whoever created it.</summary>
    [Id(1)] public required string SellerId { get; init; }

    /// <summary>The seller's stock-keeping unit.</summary>
    [Id(2)] public required string Sku { get; init; }

    /// <summary>Display name.</summary>
    [Id(3)] public required string Name { get; init; }

    /// <summary>Description, if any.</summary>
    [Id(4)] public string? Description { get; init; }

    /// <summary>Image address, if any.</summary>
    [Id(5)] public string? ImageUrl { get; init; }

    /// <summary>Category, if any.</summary>
    [Id(6)] public string? Category { get; init; }

    /// <summary>The regular price.</summary>
    [Id(7)] public required Money Price { get; init; }

    /// <summary>Units in stock now (units given to running flash offers are not counted).</summary>
    [Id(8)] public int Stock { get; init; }

    /// <summary>Who sells it.</summary>
    [Id(9)] public required string SellerKind { get; init; }

    /// <summary>Country of origin, if given.</summary>
    [Id(10)] public string? Origin { get; init; }

    /// <summary>When it was created.</summary>
    [Id(11)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The seller's terms for other creators' streams, or null: only the seller's own streams run offers on it.</summary>
    [Id(12)] public SellerTerms? Terms { get; init; }

    /// <summary>
    /// The kind an admin verified the product's seller as (contract v2), or null while the seller is not verified.
    /// It applies to all the seller's products, whatever <see cref="SellerKind"/> each one carries.
    /// </summary>
    [Id(13)] public string? VerifiedSellerKind { get; init; }

    /// <summary>Whether the seller is verified as exactly the product's own <see cref="SellerKind"/>.</summary>
    public bool SellerKindVerified => SellerKinds.IsVerifiedAs(SellerKind, VerifiedSellerKind);
}
