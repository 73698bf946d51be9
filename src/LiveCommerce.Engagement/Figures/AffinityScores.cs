namespace LiveCommerce.Engagement.Figures;

/// <summary>
/// A viewer's decayed engagement scores by category, seller and product, as of the time asked for: each click,
/// add-to-cart and purchase adds its weight, and every score halves per half-life. The looks (examination-weighted list
/// impressions) and list clicks decay the same way.
/// </summary>
/// <param name="Categories">Score by category.</param>
/// <param name="Sellers">Score by seller <c>sub</c>.</param>
/// <param name="Products">Score by product id.</param>
public sealed record AffinityScores(
    IReadOnlyDictionary<string, double> Categories,
    IReadOnlyDictionary<string, double> Sellers,
    IReadOnlyDictionary<string, double> Products)
{
    private static readonly IReadOnlyDictionary<string, double> Nothing = new Dictionary<string, double>();

    /// <summary>A viewer with no history.</summary>
    public static AffinityScores None { get; } = new(new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, double>());

    /// <summary>Σ e(k) of the viewer's list impressions, by product id.</summary>
    public IReadOnlyDictionary<string, double> ProductLooks { get; init; } = Nothing;

    /// <summary>The viewer's list clicks, by product id.</summary>
    public IReadOnlyDictionary<string, double> ProductOpens { get; init; } = Nothing;

    /// <summary>Σ e(k) of the viewer's list impressions, by category.</summary>
    public IReadOnlyDictionary<string, double> CategoryLooks { get; init; } = Nothing;

    /// <summary>The viewer's list clicks, by category.</summary>
    public IReadOnlyDictionary<string, double> CategoryOpens { get; init; } = Nothing;

    /// <summary>Whether every score is zero.</summary>
    public bool IsEmpty => Categories.Count == 0 && Sellers.Count == 0 && Products.Count == 0 && ProductLooks.Count == 0 && CategoryLooks.Count == 0;
}
