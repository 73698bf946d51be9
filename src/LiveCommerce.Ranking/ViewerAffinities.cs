namespace LiveCommerce.Ranking;

/// <summary>
/// One viewer's affinities, each in [0, 1] (values outside are clamped): how strongly the viewer
/// engaged with a category, a seller and individual products before. The engine typically derives
/// them from the viewer's past engagement counts, e.g. <c>n / (n + 3)</c> for <c>n</c> past clicks
/// (see <see cref="FromCount"/>). Missing keys mean 0.
/// </summary>
public sealed class ViewerAffinities
{
    private static readonly IReadOnlyDictionary<string, double> Empty = new Dictionary<string, double>();

    /// <summary>Affinity by <see cref="RankingCandidate.CategoryId"/>.</summary>
    public IReadOnlyDictionary<string, double> Categories { get; init; } = Empty;

    /// <summary>Affinity by <see cref="RankingCandidate.SellerId"/>.</summary>
    public IReadOnlyDictionary<string, double> Sellers { get; init; } = Empty;

    /// <summary>Affinity by <see cref="RankingCandidate.ProductId"/> (e.g. the viewer opened it in an earlier stream).</summary>
    public IReadOnlyDictionary<string, double> Products { get; init; } = Empty;

    /// <summary>A viewer with no history: every affinity is 0.</summary>
    public static ViewerAffinities None { get; } = new();

    /// <summary>Maps a non-negative engagement count to an affinity in [0, 1): <c>n / (n + halfAt)</c>.</summary>
    /// <param name="count">Past engagement count, e.g. clicks of this viewer in the category.</param>
    /// <param name="halfAt">The count that maps to 0.5.</param>
    /// <returns>The affinity.</returns>
    public static double FromCount(double count, double halfAt = 3.0) =>
        count <= 0 || halfAt <= 0 ? 0.0 : count / (count + halfAt);

    internal static double Lookup(IReadOnlyDictionary<string, double> map, string? key)
    {
        if (key is null || map.Count == 0 || !map.TryGetValue(key, out var value))
        {
            return 0.0;
        }

        return Normalise(value);
    }

    /// <summary>A stored affinity as a feature: clamped to [0, 1], NaN as 0.</summary>
    internal static double Normalise(double value) => double.IsNaN(value) ? 0.0 : Math.Clamp(value, 0.0, 1.0);
}
