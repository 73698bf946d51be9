namespace LiveCommerce.Engagement.Figures;

/// <summary>A product's list examination and list clicks across all streams, in the recent and the prior trend window.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="RecentExamination">Examination of its list impressions in the recent window.</param>
/// <param name="RecentClicks">List clicks in the recent window.</param>
/// <param name="PriorExamination">Examination in the prior window.</param>
/// <param name="PriorClicks">List clicks in the prior window.</param>
public sealed record ProductTrend(string ProductId, double RecentExamination, long RecentClicks, double PriorExamination, long PriorClicks);
