namespace LiveCommerce.Contracts.Analytics;

/// <summary>The answer of <c>GET /api/sellers/{sellerId}/analytics</c>: the seller's own products, across all streams.</summary>
/// <param name="SellerId">The seller.</param>
/// <param name="Products">One row per product of the seller.</param>
public sealed record SellerAnalytics(string SellerId, IReadOnlyList<ProductAnalytics> Products);
