using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>Re-samples logged lists from their list ids and counts those that come out exactly as logged (one per thread).</summary>
internal sealed class ReproductionCheck
{
    private readonly StochasticRankingPolicy _policy = new();
    private int[] _shown = [];
    private double[] _probabilities = [];

    public int Matches { get; private set; }

    /// <summary>Checks one list against its (validated) record.</summary>
    public void Add(PreparedList list, RankedListLog log)
    {
        var n = list.Length;
        if (_shown.Length < n)
        {
            _shown = new int[n];
            _probabilities = new double[n];
        }

        var shown = _shown.AsSpan(0, n);
        var probabilities = _probabilities.AsSpan(0, n);
        _policy.Rank(list.Scores, list.Kinds, list.Temperature, list.Floor, log.ListId, shown, probabilities);
        if (!shown.SequenceEqual(list.Shown))
        {
            return;
        }

        for (var i = 0; i < n; i++)
        {
            if (!(Math.Abs(probabilities[i] - log.Items[i].ChoiceProbability) <= OffPolicyEvaluation.ReproductionTolerance))
            {
                return;
            }
        }

        Matches++;
    }
}
