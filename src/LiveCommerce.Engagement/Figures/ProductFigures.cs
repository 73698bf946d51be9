namespace LiveCommerce.Engagement.Figures;

/// <summary>A product's funnel counts (in one stream, or across all streams).</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Impressions">Times its card was shown.</param>
/// <param name="Clicks">Times its card was opened.</param>
/// <param name="AddToCarts">Units added to carts.</param>
/// <param name="Purchases">Units bought.</param>
/// <param name="Revenue">Revenue by ISO 4217 currency, whole minor units.</param>
public sealed record ProductFigures(
    string ProductId, long Impressions, long Clicks, long AddToCarts, long Purchases, IReadOnlyDictionary<string, long> Revenue)
{
    private static readonly IReadOnlyDictionary<string, long> NoRevenue = new Dictionary<string, long>();

    /// <summary>Examination of its list impressions: Σ 1/log2(1 + position) over the ranked lists it was shown in.</summary>
    public double Examination { get; init; }

    /// <summary>Clicks from the ranked list only (not the pinned card, offers or chat).</summary>
    public long ListClicks { get; init; }

    /// <summary>Add-to-cart actions, whatever their quantities.</summary>
    public long CartActions { get; init; }

    /// <summary>Purchase actions: order lines, whatever their quantities.</summary>
    public long PurchaseActions { get; init; }

    /// <summary>In one stream: list impressions by position (index 0 = position 1), up to the last position seen.</summary>
    public IReadOnlyList<long> PositionImpressions { get; init; } = [];

    /// <summary>In one stream: list clicks by the position the product was shown at (index 0 = position 1).</summary>
    public IReadOnlyList<long> PositionClicks { get; init; } = [];

    /// <summary>A product with nothing recorded.</summary>
    /// <param name="productId">The product.</param>
    /// <returns>All zeros.</returns>
    public static ProductFigures Zero(string productId) => new(productId, 0, 0, 0, 0, NoRevenue);

    /// <summary>Revenue in <paramref name="currency"/>, 0 when none.</summary>
    /// <param name="currency">ISO 4217 code.</param>
    /// <returns>Whole minor units.</returns>
    public long RevenueIn(string currency) => Revenue.TryGetValue(currency, out var amount) ? amount : 0;
}
