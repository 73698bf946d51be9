using System.Runtime.Intrinsics;
using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.Ranking.Tests.Policy;

public sealed class PlackettLuceSamplerTests
{
    [Fact]
    public void Choice_probabilities_are_the_softmax_over_the_items_left()
    {
        var random = new PolicyRandom(11);
        var sampler = new PlackettLuceSampler();
        for (var trial = 0; trial < 200; trial++)
        {
            var n = 1 + random.NextInt(40);
            var scores = RandomScores(random, n, scale: 1 + (10 * random.NextDouble()));
            var temperature = 0.05 + (2 * random.NextDouble());
            var order = new int[n];
            var probabilities = new double[n];
            sampler.Sample(scores, temperature, random, order, probabilities);

            AssertPermutation(order);
            var t = PlackettLuceSampler.EffectiveTemperature(scores, temperature);
            var left = Enumerable.Range(0, n).ToHashSet();
            for (var k = 0; k < n; k++)
            {
                // Independent computation: the softmax over the items still left, in log space around their maximum.
                var max = left.Max(i => scores[i] / t);
                var total = left.Sum(i => Math.Exp((scores[i] / t) - max));
                var expected = Math.Exp((scores[order[k]] / t) - max) / total;
                Assert.InRange(probabilities[k], 0.0, 1.0);
                Assert.Equal(expected, probabilities[k], 1e-9);
                left.Remove(order[k]);
            }

            Assert.Equal(1.0, probabilities[n - 1]);
        }
    }

    [Fact]
    public void Order_probabilities_form_a_distribution_that_matches_the_draws()
    {
        // Four items have 24 orders; each draw reports its order's probability (the product of its choice
        // probabilities). Over many draws every order appears, the reported probabilities of the distinct orders
        // sum to 1, and each order's frequency matches its probability.
        double[] scores = [1.0, 0.4, -0.3, 0.0];
        var sampler = new PlackettLuceSampler();
        var random = new PolicyRandom(2024);
        const int draws = 200_000;
        var seen = new Dictionary<int, (double Probability, int Count)>();
        var order = new int[4];
        var probabilities = new double[4];
        for (var d = 0; d < draws; d++)
        {
            sampler.Sample(scores, 1.0, random, order, probabilities);
            var key = (order[0] * 1000) + (order[1] * 100) + (order[2] * 10) + order[3];
            var p = probabilities[0] * probabilities[1] * probabilities[2] * probabilities[3];
            if (seen.TryGetValue(key, out var entry))
            {
                Assert.Equal(entry.Probability, p, 1e-12);
                seen[key] = (p, entry.Count + 1);
            }
            else
            {
                seen[key] = (p, 1);
            }
        }

        Assert.Equal(24, seen.Count);
        Assert.Equal(1.0, seen.Values.Sum(v => v.Probability), 1e-12);
        foreach (var (probability, count) in seen.Values)
        {
            var tolerance = 5 * Math.Sqrt(probability * (1 - probability) / draws);
            Assert.InRange((double)count / draws, probability - tolerance, probability + tolerance);
        }
    }

    [Fact]
    public void First_choice_frequencies_match_the_softmax()
    {
        double[] scores = [3.0, 2.5, 2.0, 1.0, 0.0, -1.0, -2.0, 4.0];
        const double temperature = 0.7;
        const int draws = 100_000;
        var t = PlackettLuceSampler.EffectiveTemperature(scores, temperature);
        var weights = scores.Select(s => Math.Exp(s / t)).ToArray();
        var expected = weights.Select(w => w / weights.Sum()).ToArray();

        var counts = new int[scores.Length];
        var sampler = new PlackettLuceSampler();
        var random = new PolicyRandom(77);
        var order = new int[scores.Length];
        var probabilities = new double[scores.Length];
        for (var d = 0; d < draws; d++)
        {
            sampler.Sample(scores, temperature, random, order, probabilities);
            counts[order[0]]++;
            Assert.Equal(expected[order[0]], probabilities[0], 1e-12);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            // Binomial standard error; 4.5 σ keeps a false failure below one in 10⁵ per item.
            var tolerance = 4.5 * Math.Sqrt(expected[i] * (1 - expected[i]) / draws);
            Assert.InRange((double)counts[i] / draws, expected[i] - tolerance, expected[i] + tolerance);
        }
    }

    [Theory]
    [InlineData(150, false)]
    [InlineData(400, true)]
    public void Pairwise_order_frequencies_match_plackett_luce(int n, bool skewed)
    {
        // Under Plackett–Luce, P(i before j) = w[i] / (w[i] + w[j]) for every pair, which checks the whole order
        // (here long enough for the bucket sort; skewed scores crowd most keys into few buckets).
        var random = new PolicyRandom(404);
        var scores = RandomScores(random, n, scale: 1);
        if (skewed)
        {
            scores[3] = 40;
            scores[7] = -60;
            for (var i = 10; i < 20; i++)
            {
                scores[i] = 0.25; // exact ties
            }
        }

        const double temperature = 0.3;
        var t = PlackettLuceSampler.EffectiveTemperature(scores, temperature);
        var pairs = new List<(int I, int J)> { (10, 11), (12, 19), (3, 7), (0, 1) };
        for (var p = 0; p < 12; p++)
        {
            pairs.Add((random.NextInt(n), random.NextInt(n)));
        }

        pairs.RemoveAll(p => p.I == p.J);
        const int draws = 20_000;
        var before = new int[pairs.Count];
        var sampler = new PlackettLuceSampler();
        var order = new int[n];
        var rank = new int[n];
        for (var d = 0; d < draws; d++)
        {
            sampler.Sample(scores, temperature, random, order, default);
            for (var k = 0; k < n; k++)
            {
                rank[order[k]] = k;
            }

            for (var p = 0; p < pairs.Count; p++)
            {
                before[p] += rank[pairs[p].I] < rank[pairs[p].J] ? 1 : 0;
            }
        }

        for (var p = 0; p < pairs.Count; p++)
        {
            var (i, j) = pairs[p];
            var expected = 1 / (1 + Math.Exp((scores[j] - scores[i]) / t));
            var tolerance = (5 * Math.Sqrt(expected * (1 - expected) / draws)) + 1e-9;
            Assert.InRange((double)before[p] / draws, expected - tolerance, expected + tolerance);
        }
    }

    [Fact]
    public void The_order_sorts_the_gumbel_keys_drawn_in_candidate_order()
    {
        // The reproducibility contract: the finite-scored candidates, in index order, each take one uniform U from
        // the seed's sequence; the order is ascending ln(−ln U) − (score − max)/T, ties by lower index. Checked
        // against an independent sort for lengths on both sides of the bucket-sort threshold and skewed scores.
        var random = new PolicyRandom(515);
        var sampler = new PlackettLuceSampler();
        foreach (var n in new[] { 2, 17, 63, 64, 65, 200, 500, 1_000 })
        {
            for (var trial = 0; trial < 20; trial++)
            {
                var scores = RandomScores(random, n, scale: 1 + (5 * random.NextDouble()));
                if (trial % 3 == 1)
                {
                    scores[random.NextInt(n)] = 1e4; // one outlier crowds the rest into few buckets
                }

                if (trial % 3 == 2)
                {
                    for (var i = 0; i < n; i += 2)
                    {
                        scores[i] = double.NegativeInfinity;
                    }
                }

                var temperature = 0.05 + random.NextDouble();
                var seed = random.NextUInt64();
                var order = new int[n];
                sampler.Sample(scores, temperature, seed, order, default);

                var t = PlackettLuceSampler.EffectiveTemperature(scores, temperature);
                var max = scores.Max();
                var uniforms = new PolicyRandom(seed);
                var keys = new Dictionary<int, double>();
                for (var i = 0; i < n; i++)
                {
                    if (double.IsFinite(scores[i]))
                    {
                        var u = Vector256.Create(uniforms.NextOpenDouble(), 0.5, 0.5, 0.5);
                        var a = Math.Max((scores[i] - max) / t, -1e300);
                        keys[i] = (Vector256.Log(-Vector256.Log(u)) - Vector256.Create(a)).GetElement(0);
                    }
                }

                var expected = keys.OrderBy(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key)
                    .Concat(Enumerable.Range(0, n).Where(i => !double.IsFinite(scores[i])));
                Assert.Equal(expected, order);
            }
        }
    }

    [Fact]
    public void Temperature_zero_is_the_score_order_with_ties_by_lower_index()
    {
        double[] scores = [0.5, 2.0, 0.5, double.NegativeInfinity, 2.0, -1.0, double.NegativeInfinity, 0.5];
        var sampler = new PlackettLuceSampler();
        var order = new int[scores.Length];
        var probabilities = new double[scores.Length];
        sampler.Sample(scores, 0.0, 123UL, order, probabilities);
        Assert.Equal([1, 4, 0, 2, 7, 5, 3, 6], order);
        Assert.All(probabilities, p => Assert.Equal(1.0, p));

        var byScore = new int[scores.Length];
        sampler.ScoreOrder(scores, byScore);
        Assert.Equal(order, byScore);

        var random = new PolicyRandom(5);
        for (var trial = 0; trial < 500; trial++)
        {
            var n = random.NextInt(60);
            var values = Enumerable.Range(0, n).Select(_ => (double)random.NextInt(6)).ToArray();
            var expected = Enumerable.Range(0, n).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();
            var actual = new int[n];
            sampler.Sample(values, 0.0, random, actual, default);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Negative_infinity_goes_last_in_index_order_with_probability_one()
    {
        var random = new PolicyRandom(31);
        var sampler = new PlackettLuceSampler();
        for (var trial = 0; trial < 300; trial++)
        {
            var n = 2 + random.NextInt(30);
            var scores = RandomScores(random, n, scale: 3);
            for (var i = 0; i < n; i++)
            {
                if (random.NextDouble() < 0.3)
                {
                    scores[i] = double.NegativeInfinity;
                }
            }

            var order = new int[n];
            var probabilities = new double[n];
            sampler.Sample(scores, 0.5, random, order, probabilities);

            var finite = scores.Count(double.IsFinite);
            Assert.All(order.Take(finite), i => Assert.True(double.IsFinite(scores[i])));
            var lastOnes = Enumerable.Range(0, n).Where(i => !double.IsFinite(scores[i])).ToArray();
            Assert.Equal(lastOnes, order.Skip(finite).ToArray());
            Assert.All(probabilities.Skip(finite), p => Assert.Equal(1.0, p));
            if (finite > 0)
            {
                Assert.Equal(1.0, probabilities[finite - 1]);
            }
        }

        // Only −∞: index order.
        var all = new int[3];
        sampler.Sample([double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity], 1.0, 9UL, all, default);
        Assert.Equal([0, 1, 2], all);
    }

    [Fact]
    public void The_temperature_is_scale_free()
    {
        var random = new PolicyRandom(8);
        var sampler = new PlackettLuceSampler();
        for (var trial = 0; trial < 200; trial++)
        {
            var n = 2 + random.NextInt(50);
            var scores = RandomScores(random, n, scale: 1);
            var factor = Math.Pow(10, -3 + (6 * random.NextDouble()));
            var offset = -50 + (100 * random.NextDouble());
            var rescaled = scores.Select(s => (s * factor) + offset).ToArray();
            var seed = random.NextUInt64();
            var temperature = 0.1 + random.NextDouble();

            var a = new int[n];
            var pa = new double[n];
            var b = new int[n];
            var pb = new double[n];
            sampler.Sample(scores, temperature, seed, a, pa);
            sampler.Sample(rescaled, temperature, seed, b, pb);
            Assert.Equal(a, b);
            for (var k = 0; k < n; k++)
            {
                Assert.Equal(pa[k], pb[k], 1e-7);
            }
        }

        // The spread sets the unit: scores one spread apart have odds e^(1/temperature).
        double[] two = [5.0, 3.0]; // spread 1
        var order = new int[2];
        var probabilities = new double[2];
        new PlackettLuceSampler().Sample(two, 0.5, 1UL, order, probabilities);
        var firstIsBest = order[0] == 0;
        var pBest = 1 / (1 + Math.Exp(-2.0 / 0.5));
        Assert.Equal(firstIsBest ? pBest : 1 - pBest, probabilities[0], 1e-12);
        Assert.Equal(1.0, PlackettLuceSampler.Spread(two));
    }

    [Fact]
    public void The_same_seed_gives_the_same_order()
    {
        var random = new PolicyRandom(3);
        var scores = RandomScores(random, 100, scale: 2);
        var first = new int[100];
        var firstP = new double[100];
        var again = new int[100];
        var againP = new double[100];
        new PlackettLuceSampler().Sample(scores, 0.8, ListSeed.FromListId("list-42"), first, firstP);
        var other = new PlackettLuceSampler();
        other.Sample(scores, 0.8, 999UL, again, againP); // a used sampler gives the same answer as a fresh one
        other.Sample(scores, 0.8, ListSeed.FromListId("list-42"), again, againP);
        Assert.Equal(first, again);
        Assert.Equal(firstP, againP);

        other.Sample(scores, 0.8, ListSeed.FromListId("list-43"), again, againP);
        Assert.NotEqual(first, again);
    }

    [Fact]
    public void Equal_scores_are_drawn_uniformly()
    {
        var scores = new double[5];
        var sampler = new PlackettLuceSampler();
        var random = new PolicyRandom(1);
        var order = new int[5];
        var probabilities = new double[5];
        var counts = new int[5];
        const int draws = 50_000;
        for (var d = 0; d < draws; d++)
        {
            sampler.Sample(scores, 1.0, random, order, probabilities);
            counts[order[0]]++;
            Assert.Equal(0.2, probabilities[0], 1e-12);
            Assert.Equal(0.25, probabilities[1], 1e-12);
        }

        var tolerance = 4.5 * Math.Sqrt(0.2 * 0.8 / draws);
        Assert.All(counts, c => Assert.InRange((double)c / draws, 0.2 - tolerance, 0.2 + tolerance));
    }

    [Fact]
    public void Sampling_allocates_nothing_after_warm_up()
    {
        var random = new PolicyRandom(4);
        var scores = RandomScores(random, 500, scale: 1);
        var sampler = new PlackettLuceSampler();
        var order = new int[500];
        var probabilities = new double[500];
        sampler.Sample(scores, 0.5, 1UL, order, probabilities);
        sampler.Sample(scores, 0.0, 1UL, order, probabilities);

        Assert.Equal(0, Allocations.Least(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                sampler.Sample(scores, 0.5, (ulong)i, order, probabilities);
                sampler.Sample(scores, 0.0, random, order, probabilities);
            }
        }));
    }

    [Fact]
    public void Invalid_input_is_rejected()
    {
        var sampler = new PlackettLuceSampler();
        var order = new int[2];
        Assert.Throws<ArgumentException>(() => sampler.Sample([1.0, double.NaN], 1.0, 1UL, order, default));
        Assert.Throws<ArgumentException>(() => sampler.Sample([1.0, double.PositiveInfinity], 0.0, 1UL, order, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Sample([1.0, 2.0], -0.1, 1UL, order, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Sample([1.0, 2.0], double.PositiveInfinity, 1UL, order, default));
        Assert.Throws<ArgumentException>(() => sampler.Sample([1.0, 2.0, 3.0], 1.0, 1UL, order, default));
        Assert.Throws<ArgumentException>(() => sampler.Sample([1.0, 2.0], 1.0, 1UL, order, new double[1]));
    }

    [Fact]
    public void Seeds_and_the_generator_are_stable()
    {
        // SplitMix64's published first output for state 0, and values pinned so a change to the seed contract is noticed.
        Assert.Equal(0xE220A8397B1DCDAFUL, ListSeed.Mix(0x9E3779B97F4A7C15UL));
        Assert.Equal(ListSeed.FromListId("list-1"), ListSeed.FromListId(new string(['l', 'i', 's', 't', '-', '1'])));
        Assert.NotEqual(ListSeed.FromListId("list-1"), ListSeed.FromListId("list-2"));
        Assert.Equal(PinnedListSeed, ListSeed.FromListId("list-1"));
        var random = new PolicyRandom(0);
        Assert.Equal(PinnedFirstOutput, random.NextUInt64());
    }

    private const ulong PinnedListSeed = 14912889118578400165UL;
    private const ulong PinnedFirstOutput = 11091344671253066420UL;

    internal static double[] RandomScores(PolicyRandom random, int n, double scale)
    {
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            scores[i] = scale * Normal(random);
        }

        return scores;
    }

    internal static double Normal(PolicyRandom random) =>
        Math.Sqrt(-2 * Math.Log(random.NextOpenDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void AssertPermutation(int[] order)
    {
        var sorted = order.ToArray();
        Array.Sort(sorted);
        Assert.Equal(Enumerable.Range(0, order.Length), sorted);
    }
}
