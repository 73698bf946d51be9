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
    private static readonly IReadOnlyDictionary<string, ViewerHistory> EmptyHistory = new Dictionary<string, ViewerHistory>();

    /// <summary>Affinity by <see cref="RankingCandidate.CategoryId"/>.</summary>
    public IReadOnlyDictionary<string, double> Categories { get; init; } = Empty;

    /// <summary>Affinity by <see cref="RankingCandidate.SellerId"/>.</summary>
    public IReadOnlyDictionary<string, double> Sellers { get; init; } = Empty;

    /// <summary>Affinity by <see cref="RankingCandidate.ProductId"/> (e.g. the viewer opened it in an earlier stream).</summary>
    public IReadOnlyDictionary<string, double> Products { get; init; } = Empty;

    /// <summary>The viewer's looks and list clicks by <see cref="RankingCandidate.ProductId"/> (see <see cref="Features.PersonalEstimate"/>).</summary>
    public IReadOnlyDictionary<string, ViewerHistory> ProductHistory { get; init; } = EmptyHistory;

    /// <summary>The viewer's looks and list clicks by <see cref="RankingCandidate.CategoryId"/>.</summary>
    public IReadOnlyDictionary<string, ViewerHistory> CategoryHistory { get; init; } = EmptyHistory;

    /// <summary>The viewer's looks and list clicks over every product (the sum of <see cref="ProductHistory"/> when it is complete).</summary>
    public ViewerHistory Overall { get; init; }

    /// <summary>A viewer with no history: every affinity is 0.</summary>
    public static ViewerAffinities None { get; } = new();

    /// <summary>Maps a non-negative engagement count to an affinity in [0, 1): <c>n / (n + halfAt)</c>.</summary>
    /// <param name="count">Past engagement count, e.g. clicks of this viewer in the category.</param>
    /// <param name="halfAt">The count that maps to 0.5.</param>
    /// <returns>The affinity.</returns>
    public static double FromCount(double count, double halfAt = 3.0) =>
        count <= 0 || halfAt <= 0 ? 0.0 : count / (count + halfAt);

    /// <summary>Whether the viewer has any looks or list clicks on record (otherwise their list is the model's).</summary>
    public bool HasHistory => ProductHistory.Count > 0 || CategoryHistory.Count > 0 || Overall.Examined > 0;

    /// <summary>The score shift of the viewer's own history for <paramref name="candidate"/> (0 without history).</summary>
    /// <param name="candidate">The product.</param>
    /// <param name="mean">The shared model's click rate per look for it.</param>
    /// <returns>See <see cref="Features.PersonalEstimate.Shift"/>.</returns>
    public double PersonalShift(RankingCandidate candidate, double mean)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!HasHistory)
        {
            return 0.0;
        }

        var product = candidate.ProductId is { } id && ProductHistory.TryGetValue(id, out var p) ? p : default;
        var category = candidate.CategoryId is { } c && CategoryHistory.TryGetValue(c, out var h) ? h : default;
        return Features.PersonalEstimate.Shift(mean, product, category, Overall);
    }

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
