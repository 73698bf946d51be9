using System.Globalization;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.Ranking.Tests.OffPolicy;

/// <summary>
/// A synthetic live stream with a known click model, for checking off-policy estimates against the truth:
/// products with a hidden attractiveness α, a position-based click model P(click at k | item i) = (1/k)^η · α[i],
/// and the ranker's noisy view of the products (scores = logit α + noise). Lists are ranked by the engine's own
/// <see cref="StochasticRankingPolicy"/> (seeded by list id) and logged as <see cref="RankedListLog"/>.
/// </summary>
internal sealed class SyntheticStream
{
    private readonly PolicyRandom _random;

    public SyntheticStream(int seed, int products = 20, int localSme = 8, double scoreNoise = 0.5)
    {
        Seed = seed;
        _random = new PolicyRandom(ListSeed.Combine(0x5EED, (ulong)seed));
        Eta = 0.6 + (0.6 * _random.NextDouble());
        ProductIds = new string[products];
        Kinds = new SellerKind[products];
        Attractiveness = new double[products];
        Scores = new double[products];
        for (var i = 0; i < products; i++)
        {
            ProductIds[i] = "p" + i.ToString(CultureInfo.InvariantCulture);
            Kinds[i] = i < localSme ? SellerKind.LocalSme : (i % 3 == 0 ? SellerKind.Platform : SellerKind.Brand);
            var logit = -1.6 + (0.9 * Normal());
            Attractiveness[i] = 1 / (1 + Math.Exp(-logit));
            Scores[i] = logit + (scoreNoise * Normal());
        }
    }

    public int Seed { get; }

    /// <summary>Examination exponent: position k is examined with probability (1/k)^η.</summary>
    public double Eta { get; }

    public string[] ProductIds { get; }

    public SellerKind[] Kinds { get; }

    public double[] Attractiveness { get; }

    public double[] Scores { get; }

    public double Examination(int position) => Math.Pow(1.0 / (position + 1), Eta);

    /// <summary>Ranks and shows <paramref name="count"/> lists with the logging policy and records the clicks.</summary>
    public List<RankedListLog> Log(int count, double temperature, double floor)
    {
        var n = Scores.Length;
        var policy = new StochasticRankingPolicy();
        var shown = new int[n];
        var probabilities = new double[n];
        var examination = Enumerable.Range(0, n).Select(Examination).ToArray();
        var logs = new List<RankedListLog>(count);
        var at = new DateTimeOffset(2025, 3, 1, 20, 0, 0, TimeSpan.Zero);
        var streamId = "stream-" + Seed.ToString(CultureInfo.InvariantCulture);
        for (var l = 0; l < count; l++)
        {
            var listId = string.Create(CultureInfo.InvariantCulture, $"s{Seed}-l{l}");
            policy.Rank(Scores, Kinds, temperature, floor, listId, shown, probabilities);
            var clicks = new List<int>();
            for (var k = 0; k < n; k++)
            {
                if (_random.NextDouble() < examination[k] * Attractiveness[shown[k]])
                {
                    clicks.Add(k + 1);
                }
            }

            var log = RankedListLog.Create(listId, streamId, "viewer-" + l.ToString(CultureInfo.InvariantCulture), at.AddSeconds(l), "synthetic-1", temperature, floor, ProductIds, Kinds, Scores, shown, probabilities);
            logs.Add(log with { Clicks = clicks, Reward = clicks.Count * EngagementReward.Click });
        }

        return logs;
    }

    /// <summary>The true clicks per list of the policy at <paramref name="temperature"/>: Σ_k Σ_i P(i at k)·(1/k)^η·α[i].</summary>
    /// <param name="temperature">The policy's temperature (exact at 0, else Monte-Carlo marginals).</param>
    /// <param name="floor">The exposure floor.</param>
    /// <param name="samples">Monte-Carlo draws for a positive temperature.</param>
    public double TrueValue(double temperature, double floor, int samples)
    {
        var n = Scores.Length;
        var marginals = new double[n * n];
        new PositionMarginals().Compute(Scores, Kinds, temperature, floor, samples, ListSeed.Combine(0x7207, (ulong)Seed), marginals);
        var value = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < n; k++)
            {
                value += marginals[(i * n) + k] * Examination(k) * Attractiveness[i];
            }
        }

        return value;
    }

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(_random.NextOpenDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
