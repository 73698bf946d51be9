using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Products;

/// <summary>What a viewer sees of a product in a stream.</summary>
[GenerateSerializer, Immutable, Alias("lc.ProductCard")]
public sealed record ProductCard
{
    /// <summary>The product's id.</summary>
    [Id(0)] public required string ProductId { get; init; }

    /// <summary>The stream it is shown in.</summary>
    [Id(1)] public required string StreamId { get; init; }

    /// <summary>Display name.</summary>
    [Id(2)] public required string Name { get; init; }

    /// <summary>Image address, if any.</summary>
    [Id(3)] public string? ImageUrl { get; init; }

    /// <summary>The regular price.</summary>
    [Id(4)] public required Money Price { get; init; }

    /// <summary>Units in stock.</summary>
    [Id(5)] public int Stock { get; init; }

    /// <summary>Who sells it.</summary>
    [Id(6)] public required string SellerKind { get; init; }

    /// <summary>Category, if any.</summary>
    [Id(7)] public string? Category { get; init; }

    /// <summary>The kind an admin verified the product's seller as, or null while the seller is not verified.</summary>
    [Id(8)] public string? VerifiedSellerKind { get; init; }

    /// <summary>Whether the seller is verified as exactly the product's own <see cref="SellerKind"/>.</summary>
    public bool SellerKindVerified => SellerKinds.IsVerifiedAs(SellerKind, VerifiedSellerKind);

    /// <summary>Builds the card of a product as shown in a stream.</summary>
    public static ProductCard From(Product product, string streamId) => new()
    {
        ProductId = product.Id,
        StreamId = streamId,
        Name = product.Name,
        ImageUrl = product.ImageUrl,
        Price = product.Price,
        Stock = product.Stock,
        SellerKind = product.SellerKind,
        Category = product.Category,
        VerifiedSellerKind = product.VerifiedSellerKind,
    };
}
