namespace LiveCommerce.Ranking.Features;

/// <summary>
/// Index of each entry of the fixed feature vector the bandit learns over. Every entry is scaled to roughly [-1, 1] so
/// one exploration parameter fits all of them, and no entry is a copy or a sum of others (a constant would duplicate
/// <see cref="Bias"/>). Static product traits such as price or stock are left out on purpose: their effect on clicks is
/// already in each product's own click rate, and with the few hundred lists a stream shows, a shared weight on them mostly
/// learns noise. Changing the layout invalidates stored models (their dimension no longer matches).
/// </summary>
public static class FeatureLayout
{
    /// <summary>Constant 1: the intercept.</summary>
    public const int Bias = 0;

    /// <summary>
    /// log2 of the product's list clicks per unit of examination, shrunk towards the stream average, over that average;
    /// clamped to ±3 and divided by 3. Examination takes position bias out: a product shown low is not blamed for it.
    /// </summary>
    public const int Attractiveness = 1;

    /// <summary>Smoothed add-to-cart actions per click, in [0, 1].</summary>
    public const int CartRate = 2;

    /// <summary>Smoothed purchase actions per click, in [0, 1].</summary>
    public const int PurchaseRate = 3;

    /// <summary>log2 of recent over prior cross-stream list click rate, clamped to ±2, divided by 2.</summary>
    public const int Trend = 4;

    /// <summary>
    /// <c>1 / sqrt(1 + examination / 10)</c>: 1 for a product nobody has seen yet in this stream, towards 0 with exposure.
    /// Exposure is examination-weighted, so a product shown far down stays new longer than one at the top.
    /// </summary>
    public const int Novelty = 5;

    /// <summary>The viewer's affinity to the product's category, [0, 1].</summary>
    public const int CategoryAffinity = 6;

    /// <summary>The viewer's affinity to the product's seller, [0, 1].</summary>
    public const int SellerAffinity = 7;

    /// <summary>The viewer's affinity to the product itself, [0, 1].</summary>
    public const int ProductAffinity = 8;

    /// <summary><c>exp(−minutes since the last pin / 10)</c>: near 1 just after a pin, 0 if never pinned.</summary>
    public const int PinRecency = 9;

    /// <summary>
    /// Training only: <c>1 − 1/log2(1 + position)</c> of the position the product was shown at (0 at the top). It lets the
    /// model absorb whatever position effect examination weighting leaves; scoring always uses 0, the top position, so
    /// every product is compared as if it were shown first.
    /// </summary>
    public const int Position = 10;

    /// <summary>
    /// What the model believes before any data, in reward units per feature: an attractive product, one the viewer
    /// opened before, and one of a category the viewer likes are worth more. It makes the second list of a new
    /// stream already follow its first clicks; data outweighs it within a few dozen lists.
    /// </summary>
    public static IReadOnlyList<double> PriorMean { get; } = [0.0, 0.15, 0.0, 0.0, 0.0, 0.0, 0.1, 0.02, 0.3, 0.0, 0.0];

    /// <summary>Length of the feature vector.</summary>
    public const int Dimension = 11;

    /// <summary>Human-readable names, by index (for logs, tooling and the docs).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "bias", "attractiveness", "cart_rate", "purchase_rate", "trend", "novelty",
        "category_affinity", "seller_affinity", "product_affinity", "pin_recency", "position",
    ];
}
