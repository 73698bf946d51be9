using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Fairness;
using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.Ranking.Tests.Policy;

public sealed class PositionMarginalsTests
{
    [Fact]
    public void Rows_and_columns_sum_to_one()
    {
        var random = new PolicyRandom(17);
        var marginals = new PositionMarginals();
        for (var trial = 0; trial < 40; trial++)
        {
            var n = 1 + random.NextInt(30);
            var scores = PlackettLuceSamplerTests.RandomScores(random, n, scale: 2);
            if (n > 3)
            {
                scores[random.NextInt(n)] = double.NegativeInfinity;
            }

            var kinds = RandomKinds(random, n);
            var temperature = trial % 5 == 0 ? 0.0 : 0.2 + random.NextDouble();
            var matrix = new double[n * n];
            marginals.Compute(scores, kinds, temperature, random.NextDouble(), 2_000, random.NextUInt64(), matrix);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(1.0, Enumerable.Range(0, n).Sum(k => matrix[(i * n) + k]), 1e-9);
                Assert.Equal(1.0, Enumerable.Range(0, n).Sum(j => matrix[(j * n) + i]), 1e-9);
            }

            Assert.All(matrix, p => Assert.InRange(p, 0.0, 1.0 + 1e-12));
        }
    }

    [Fact]
    public void Two_items_match_the_hand_computed_logistic()
    {
        // Two scores are one spread (half their gap) from their mean, so the better one leads with odds e^(2/T).
        var matrix = new double[4];
        new PositionMarginals().Compute([3.0, 1.0], [SellerKind.Brand, SellerKind.LocalSme], 1.0, 0.0, 1, 0, matrix);
        var first = 1 / (1 + Math.Exp(-2.0));
        Assert.Equal(first, matrix[0], 1e-12);        // item 0 at position 1
        Assert.Equal(1 - first, matrix[1], 1e-12);    // item 0 at position 2
        Assert.Equal(1 - first, matrix[2], 1e-12);    // item 1 at position 1
        Assert.Equal(first, matrix[3], 1e-12);        // item 1 at position 2
    }

    [Fact]
    public void Three_items_match_the_hand_computed_values()
    {
        // Scores 2, 1, 0 have spread √(2/3); at T = 1 / (ln 2 · √(2/3)) the weights are 4 : 2 : 1 (total 7).
        // Item 0: first 4/7; second 2/7·4/5 + 1/7·4/6 = 34/105. Item 1: first 2/7; second 4/7·2/3 + 1/7·2/6 = 45/105.
        // Item 2: first 1/7; second 4/7·1/3 + 2/7·1/5 = 26/105. The third position takes the rest.
        var temperature = 1 / (Math.Log(2) * Math.Sqrt(2.0 / 3.0));
        var matrix = new double[9];
        new PositionMarginals().Compute([2.0, 1.0, 0.0], [SellerKind.Brand, SellerKind.Platform, SellerKind.LocalSme], temperature, 0.0, 1, 0, matrix);
        double[] expected =
        [
            4.0 / 7, 34.0 / 105, 1 - (4.0 / 7) - (34.0 / 105),
            2.0 / 7, 45.0 / 105, 1 - (2.0 / 7) - (45.0 / 105),
            1.0 / 7, 26.0 / 105, 1 - (1.0 / 7) - (26.0 / 105),
        ];
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(expected[i], matrix[i], 1e-12);
        }
    }

    [Fact]
    public void The_floor_is_part_of_the_policy()
    {
        // Four equal scores (uniform orders), one local-sme product, floor 0.34: the first slot gets all of the first
        // prefix's examination, so the floor puts the local product there whatever the draw. Local: 1, 0, 0, 0.
        // Each brand: 0, then 1/3 at each of the other positions.
        var kinds = new[] { SellerKind.Brand, SellerKind.Brand, SellerKind.LocalSme, SellerKind.Brand };
        var matrix = new double[16];
        new PositionMarginals().Compute(new double[4], kinds, 1.0, 0.34, 1, 0, matrix);
        double[] local = [1.0, 0.0, 0.0, 0.0];
        double[] brand = [0.0, 1.0 / 3, 1.0 / 3, 1.0 / 3];
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(local[k], matrix[(2 * 4) + k], 1e-12);
            foreach (var i in new[] { 0, 1, 3 })
            {
                Assert.Equal(brand[k], matrix[(i * 4) + k], 1e-12);
            }
        }

        // Monte Carlo agrees.
        new PositionMarginals().ComputeMonteCarlo(new double[4], kinds, 1.0, 0.34, 100_000, 5, matrix);
        Assert.Equal(1.0, matrix[(2 * 4) + 0], 1e-12);
        Assert.Equal(1.0 / 3, matrix[(0 * 4) + 2], 0.01);
    }

    [Fact]
    public void Temperature_zero_is_exact_whatever_the_length()
    {
        var random = new PolicyRandom(23);
        var n = 40;
        var scores = PlackettLuceSamplerTests.RandomScores(random, n, scale: 1);
        var kinds = RandomKinds(random, n);
        var matrix = new double[n * n];
        new PositionMarginals().Compute(scores, kinds, 0.0, 0.3, 10, 1, matrix);

        var order = new int[n];
        new PlackettLuceSampler().ScoreOrder(scores, order);
        var shown = new int[n];
        FairExposureReRanker.Apply(order, kinds, 0.3, shown);
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(shown[k] == i ? 1.0 : 0.0, matrix[(i * n) + k]);
            }
        }
    }

    [Fact]
    public void Monte_carlo_agrees_with_exact_enumeration()
    {
        var random = new PolicyRandom(41);
        var marginals = new PositionMarginals();
        const int samples = 100_000;
        for (var trial = 0; trial < 4; trial++)
        {
            var n = 5 + trial % 2;
            var scores = PlackettLuceSamplerTests.RandomScores(random, n, scale: 1);
            var kinds = RandomKinds(random, n);
            var floor = 0.2 + (0.6 * random.NextDouble());
            var exact = new double[n * n];
            var estimate = new double[n * n];
            marginals.ComputeExact(scores, kinds, 0.6, floor, exact);
            marginals.ComputeMonteCarlo(scores, kinds, 0.6, floor, samples, random.NextUInt64(), estimate);
            for (var e = 0; e < n * n; e++)
            {
                var tolerance = (5 * Math.Sqrt(exact[e] * (1 - exact[e]) / samples)) + 1e-9;
                Assert.InRange(estimate[e], exact[e] - tolerance, exact[e] + tolerance);
            }
        }
    }

    [Fact]
    public void Monte_carlo_is_reproducible_from_its_seed()
    {
        var random = new PolicyRandom(2);
        var scores = PlackettLuceSamplerTests.RandomScores(random, 20, scale: 1);
        var kinds = RandomKinds(random, 20);
        var a = new double[400];
        var b = new double[400];
        new PositionMarginals().Compute(scores, kinds, 0.5, 0.3, 1_000, 99, a);
        new PositionMarginals().Compute(scores, kinds, 0.5, 0.3, 1_000, 99, b);
        Assert.Equal(a, b);
    }

    internal static SellerKind[] RandomKinds(PolicyRandom random, int n)
    {
        var kinds = new SellerKind[n];
        for (var i = 0; i < n; i++)
        {
            kinds[i] = (SellerKind)random.NextInt(3);
        }

        return kinds;
    }
}
