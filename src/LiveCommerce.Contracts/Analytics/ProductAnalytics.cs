using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Analytics;

/// <summary>One product's funnel in the analytics answers.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Impressions">Times its card was shown.</param>
/// <param name="Clicks">Times its card was opened.</param>
/// <param name="AddToCarts">Units added to carts.</param>
/// <param name="Purchases">Units sold.</param>
/// <param name="Revenue">Revenue of those units, in the product's currency.</param>
public sealed record ProductAnalytics(string ProductId, long Impressions, long Clicks, long AddToCarts, long Purchases, Money Revenue);
