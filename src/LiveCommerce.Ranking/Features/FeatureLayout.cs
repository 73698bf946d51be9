namespace LiveCommerce.Ranking.Features;

/// <summary>
/// Index of each entry of the fixed feature vector the bandit learns over. Every entry is scaled to
/// roughly [-1, 1] so one exploration parameter fits all of them. Changing the layout invalidates
/// persisted <see cref="Bandit.LinUcbSnapshot"/>s (their <see cref="Bandit.LinUcbSnapshot.Dimension"/> no longer matches).
/// </summary>
public static class FeatureLayout
{
    /// <summary>Constant 1: the intercept.</summary>
    public const int Bias = 0;

    /// <summary>log2 of the smoothed click-through rate over the stream average, clamped to ±3, divided by 3.</summary>
    public const int CtrLift = 1;

    /// <summary>Smoothed add-to-cart events per click, in [0, 1].</summary>
    public const int CartRate = 2;

    /// <summary>Smoothed purchases per click, in [0, 1].</summary>
    public const int PurchaseRate = 3;

    /// <summary>log2 of recent over prior cross-stream click-through rate, clamped to ±2, divided by 2.</summary>
    public const int Trend = 4;

    /// <summary><c>1 / sqrt(1 + impressions / 50)</c>: 1 for an unseen product, towards 0 with evidence. Drives exploration of new products.</summary>
    public const int Novelty = 5;

    /// <summary>The viewer's affinity to the product's category, [0, 1].</summary>
    public const int CategoryAffinity = 6;

    /// <summary>The viewer's affinity to the product's seller, [0, 1].</summary>
    public const int SellerAffinity = 7;

    /// <summary>The viewer's affinity to the product itself, [0, 1].</summary>
    public const int ProductAffinity = 8;

    /// <summary>Natural log of the major-unit price minus the stream's mean, clamped to ±2, divided by 2.</summary>
    public const int RelativePrice = 9;

    /// <summary>Low-stock pressure <c>5 / (5 + stock)</c>; 0 when stock is not tracked.</summary>
    public const int Scarcity = 10;

    /// <summary>1 if never pinned, else minutes since the last pin over 30, capped at 1.</summary>
    public const int PinStaleness = 11;

    /// <summary>Length of the feature vector.</summary>
    public const int Dimension = 12;

    /// <summary>Human-readable names, by index (for logs, tooling and the docs).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "bias", "ctr_lift", "cart_rate", "purchase_rate", "trend", "novelty",
        "category_affinity", "seller_affinity", "product_affinity", "relative_price", "scarcity", "pin_staleness",
    ];
}
