using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Fairness;

namespace LiveCommerce.Ranking.Policy;

/// <summary>
/// The engine's stochastic ranking policy for one list: draw an order by Plackett–Luce over the scores with the
/// list's own seed, then apply the local-seller exposure floor. It returns what the engine shows and what it logs
/// (<see cref="RankedListLog"/>): the shown order and, per candidate, the probability of the sampler's choice at
/// the step that picked it. <see cref="PositionMarginals"/> gives the matching item-position propensities.
/// <para>Allocation-free once its buffers have grown; not thread-safe (one per grain).</para>
/// </summary>
public sealed class StochasticRankingPolicy
{
    private readonly PlackettLuceSampler _sampler = new();
    private int[] _sampled = [];
    private double[] _steps = [];

    /// <summary>Ranks one list with the seed of <paramref name="listId"/> (<see cref="ListSeed.FromListId"/>).</summary>
    /// <param name="scores">Scores by candidate index (finite or −∞).</param>
    /// <param name="kinds">Seller kind by candidate index.</param>
    /// <param name="temperature">The scale-free temperature (see <see cref="PlackettLuceSampler"/>); 0 is the deterministic ranking.</param>
    /// <param name="floor">The exposure floor (see <see cref="FairExposureReRanker"/>).</param>
    /// <param name="listId">The id the list is logged under.</param>
    /// <param name="shown">Receives the candidate indices in shown order; at least <c>scores.Length</c> long.</param>
    /// <param name="choiceProbabilities">Receives, by candidate index, the probability of the sampler's choice of that candidate; empty to skip.</param>
    public void Rank(ReadOnlySpan<double> scores, ReadOnlySpan<SellerKind> kinds, double temperature, double floor, string listId, Span<int> shown, Span<double> choiceProbabilities) =>
        Rank(scores, kinds, temperature, floor, ListSeed.FromListId(listId), shown, choiceProbabilities);

    /// <summary>Ranks one list with an explicit seed.</summary>
    /// <param name="scores">Scores by candidate index (finite or −∞).</param>
    /// <param name="kinds">Seller kind by candidate index.</param>
    /// <param name="temperature">The scale-free temperature; 0 is the deterministic ranking.</param>
    /// <param name="floor">The exposure floor.</param>
    /// <param name="seed">The list's 64-bit seed.</param>
    /// <param name="shown">Receives the candidate indices in shown order; at least <c>scores.Length</c> long.</param>
    /// <param name="choiceProbabilities">Receives, by candidate index, the probability of the sampler's choice of that candidate; empty to skip, else at least <c>scores.Length</c> long.</param>
    /// <exception cref="ArgumentException">The spans disagree in length, or a score or the temperature is invalid.</exception>
    public void Rank(ReadOnlySpan<double> scores, ReadOnlySpan<SellerKind> kinds, double temperature, double floor, ulong seed, Span<int> shown, Span<double> choiceProbabilities)
    {
        var n = scores.Length;
        if (kinds.Length != n)
        {
            throw new ArgumentException("There must be one seller kind per score.", nameof(kinds));
        }

        if (shown.Length < n)
        {
            throw new ArgumentException("The shown span is shorter than the scores.", nameof(shown));
        }

        if (!choiceProbabilities.IsEmpty && choiceProbabilities.Length < n)
        {
            throw new ArgumentException("The probability span must be empty or at least as long as the scores.", nameof(choiceProbabilities));
        }

        if (_sampled.Length < n)
        {
            var size = Math.Max(n, 2 * _sampled.Length);
            _sampled = new int[size];
            _steps = new double[size];
        }

        var sampled = _sampled.AsSpan(0, n);
        var steps = choiceProbabilities.IsEmpty ? default : _steps.AsSpan(0, n);
        _sampler.Sample(scores, temperature, seed, sampled, steps);
        FairExposureReRanker.Apply(sampled, kinds, floor, shown);
        for (var k = 0; k < steps.Length; k++)
        {
            choiceProbabilities[sampled[k]] = steps[k];
        }
    }
}
