namespace LiveCommerce.Contracts.Analytics;

/// <summary>One seller kind's share of a stream's impressions and clicks.</summary>
/// <param name="SellerKind"><c>local-sme</c>, <c>brand</c> or <c>platform</c>.</param>
/// <param name="Impressions">Impressions of that kind's products.</param>
/// <param name="Clicks">Clicks on that kind's products.</param>
/// <param name="ImpressionShare">Share of the stream's impressions, 0 to 1.</param>
/// <param name="ClickShare">Share of the stream's clicks, 0 to 1.</param>
/// <param name="ExaminationShare">
/// Share of the stream's position-weighted list exposure, 0 to 1: each ranked list shown adds 1/log2(1 + position) to
/// the kind of the product at each position.
/// </param>
public sealed record SellerKindExposure(
    string SellerKind, long Impressions, long Clicks, double ImpressionShare, double ClickShare, double ExaminationShare);
