using System.Globalization;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Ranking.Tests.Bandit;

/// <summary>
/// A simulated stream: products with hidden click probabilities. Each round the ranker ranks the snapshot, the
/// viewer sees the top product, clicks with its hidden probability, and the ranker learns from the outcome.
/// </summary>
internal sealed class SimulatedStream
{
    private readonly List<double> _clickProbability = [];
    private readonly List<long> _impressions = [];
    private readonly List<long> _clicks = [];
    private readonly Random _random;

    public SimulatedStream(int seed, params double[] clickProbabilities)
    {
        _random = new Random(seed);
        foreach (var p in clickProbabilities)
        {
            AddProduct(p);
        }
    }

    public int ProductCount => _clickProbability.Count;

    public void AddProduct(double clickProbability)
    {
        _clickProbability.Add(clickProbability);
        _impressions.Add(0);
        _clicks.Add(0);
    }

    public long ImpressionsOf(int product) => _impressions[product];

    public RankingCandidate[] Snapshot()
    {
        var result = new RankingCandidate[_clickProbability.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new RankingCandidate
            {
                ProductId = "p" + i.ToString(CultureInfo.InvariantCulture),
                Impressions = _impressions[i],
                Examination = _impressions[i],
                ListClicks = _clicks[i],
                Clicks = _clicks[i],
                PriceMinor = 1_999,
            };
        }

        return result;
    }

    /// <summary>Plays <paramref name="rounds"/> rounds; returns how often each product was shown.</summary>
    public long[] Play(ProductRanker ranker, int rounds)
    {
        var shown = new long[_clickProbability.Count];
        var context = new RankingContext { LocalSellerExposureFloor = 0, Explore = true, Temperature = 0.2 };
        for (var t = 0; t < rounds; t++)
        {
            var snapshot = Snapshot();
            var stream = StreamSummary.From(snapshot);
            var top = ranker.Rank(snapshot, context with { Seed = (ulong)_random.NextInt64() })[0].CandidateIndex;
            var clicked = _random.NextDouble() < _clickProbability[top];
            ranker.Update(snapshot[top], stream, viewer: null, 1, EngagementReward.For(clicked));
            _impressions[top]++;
            if (clicked)
            {
                _clicks[top]++;
            }

            shown[top]++;
        }

        return shown;
    }
}
