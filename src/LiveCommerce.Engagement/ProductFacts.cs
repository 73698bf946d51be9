namespace LiveCommerce.Engagement;

/// <summary>What an engagement event records about a product: its id, seller, seller kind and category.</summary>
/// <param name="ProductId">The product's id.</param>
/// <param name="SellerId">The seller's <c>sub</c>, if known.</param>
/// <param name="SellerKind"><c>local-sme</c>, <c>brand</c> or <c>platform</c>, if known.</param>
/// <param name="Category">The category, if any.</param>
public readonly record struct ProductFacts(string ProductId, string? SellerId, string? SellerKind, string? Category);
