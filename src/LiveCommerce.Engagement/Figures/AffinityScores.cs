namespace LiveCommerce.Engagement.Figures;

/// <summary>
/// A viewer's decayed engagement scores by category, seller and product, as of the time asked for: each click,
/// add-to-cart and purchase adds its weight, and every score halves per half-life.
/// </summary>
/// <param name="Categories">Score by category.</param>
/// <param name="Sellers">Score by seller <c>sub</c>.</param>
/// <param name="Products">Score by product id.</param>
public sealed record AffinityScores(
    IReadOnlyDictionary<string, double> Categories,
    IReadOnlyDictionary<string, double> Sellers,
    IReadOnlyDictionary<string, double> Products)
{
    /// <summary>A viewer with no history.</summary>
    public static AffinityScores None { get; } = new(new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, double>());

    /// <summary>Whether every score is zero.</summary>
    public bool IsEmpty => Categories.Count == 0 && Sellers.Count == 0 && Products.Count == 0;
}
