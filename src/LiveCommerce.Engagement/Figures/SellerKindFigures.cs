namespace LiveCommerce.Engagement.Figures;

/// <summary>Impressions and clicks of one seller kind in a stream.</summary>
/// <param name="SellerKind"><c>local-sme</c>, <c>brand</c>, <c>platform</c> (or <c>unknown</c>).</param>
/// <param name="Impressions">Impressions of that kind's products.</param>
/// <param name="Clicks">Clicks on that kind's products.</param>
public sealed record SellerKindFigures(string SellerKind, long Impressions, long Clicks)
{
    /// <summary>Examination of that kind's list impressions: Σ 1/log2(1 + position) over the ranked lists shown.</summary>
    public double Examination { get; init; }
}
