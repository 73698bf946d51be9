using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Bandit;

namespace LiveCommerce.Grains.Ranking;

/// <summary>
/// This silo's copy of the shared model (read from the <see cref="IRankingModelGrain"/> by <see cref="RankingSync"/>)
/// and the ranker that scores with it. The ranker reuses buffers, so calls are serialised; ranking a stream's list
/// takes microseconds (see docs/ranker.md).
/// </summary>
public sealed class SharedRankingModel
{
    private readonly Lock _gate = new();
    private ProductRanker _ranker = new();

    /// <summary>Observations folded into the model in use (0 before the first read); it grows with every batch the grain takes.</summary>
    public long Observations { get; private set; }

    /// <summary>Uses <paramref name="snapshot"/> from now on, if it is newer than the model in use.</summary>
    /// <param name="snapshot">The grain's model.</param>
    public void Use(LinUcbSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Dimension == 0 || snapshot.UpdateCount <= Observations)
        {
            return;
        }

        var ranker = new ProductRanker(LinUcbModel.Import(snapshot));
        lock (_gate)
        {
            if (snapshot.UpdateCount > Observations)
            {
                _ranker = ranker;
                Observations = snapshot.UpdateCount;
            }
        }
    }

    /// <summary>Ranks a viewer's list.</summary>
    /// <param name="candidates">The stream's candidates.</param>
    /// <param name="context">Viewer, floor, exploration.</param>
    /// <returns>Every candidate, best first.</returns>
    public RankedProduct[] Rank(IReadOnlyList<RankingCandidate> candidates, RankingContext context)
    {
        lock (_gate)
        {
            return _ranker.Rank(candidates, context);
        }
    }

    /// <summary>Suggests the next pins.</summary>
    /// <param name="candidates">The stream's candidates.</param>
    /// <param name="count">How many.</param>
    /// <param name="context">Floor and exploration.</param>
    /// <returns>The suggestions, best first.</returns>
    public IReadOnlyList<PinSuggestion> Suggest(IReadOnlyList<RankingCandidate> candidates, int count, RankingContext context)
    {
        lock (_gate)
        {
            return _ranker.Suggest(candidates, count, context);
        }
    }
}
