namespace LiveCommerce.Engagement.Figures;

/// <summary>A product's impressions and clicks across all streams, in the recent and the prior trend window.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="RecentImpressions">Impressions in the recent window.</param>
/// <param name="RecentClicks">Clicks in the recent window.</param>
/// <param name="PriorImpressions">Impressions in the prior window.</param>
/// <param name="PriorClicks">Clicks in the prior window.</param>
public sealed record ProductTrend(string ProductId, long RecentImpressions, long RecentClicks, long PriorImpressions, long PriorClicks);
