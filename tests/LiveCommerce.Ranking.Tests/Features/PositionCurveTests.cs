using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Ranking.Tests.Features;

public sealed class PositionCurveTests
{
    [Theory]
    [InlineData(0.6)]
    [InlineData(1.0)]
    [InlineData(1.4)]
    public void Recovers_a_steeper_or_flatter_curve_than_the_prior_from_clicks_by_position(double exponent)
    {
        // 20 products of hidden attractiveness, shown in orders that vary (as personalised and learning lists do),
        // clicked with probability (1/k)^exponent × attractiveness.
        var random = new Random(42);
        var attractiveness = Enumerable.Range(0, 20).Select(_ => 0.05 + (0.5 * random.NextDouble())).ToArray();
        var shown = new long[20, 20];
        var clicked = new long[20, 20];
        for (var list = 0; list < 3_000; list++)
        {
            var order = Enumerable.Range(0, 20).OrderBy(p => random.NextDouble() - (attractiveness[p] * 0.8)).ToArray();
            for (var k = 0; k < 20; k++)
            {
                var p = order[k];
                shown[p, k]++;
                if (random.NextDouble() < Math.Pow(1.0 / (k + 1), exponent) * attractiveness[p])
                {
                    clicked[p, k]++;
                }
            }
        }

        var candidates = Enumerable.Range(0, 20).Select(p => new RankingCandidate
        {
            ProductId = "p" + p,
            PositionImpressions = [.. Enumerable.Range(0, 20).Select(k => shown[p, k])],
            PositionClicks = [.. Enumerable.Range(0, 20).Select(k => clicked[p, k])],
        }).ToArray();
        var curve = PositionCurve.Fit(candidates);

        Assert.Equal(1.0, curve.Weight(1));
        for (var k = 2; k <= 10; k++)
        {
            var truth = Math.Pow(1.0 / k, exponent);
            Assert.True(Math.Abs(curve.Weight(k) - truth) < 0.06, $"position {k}: fitted {curve.Weight(k):F3}, truth {truth:F3} (exponent {exponent})");
            Assert.True(curve.Weight(k) <= curve.Weight(k - 1));
        }
    }

    [Fact]
    public void Without_clicks_it_is_the_prior()
    {
        var curve = PositionCurve.Fit([new RankingCandidate { ProductId = "a", PositionImpressions = [10, 10], PositionClicks = [0, 0] }]);
        Assert.Same(PositionCurve.Prior, curve);
        Assert.Equal(Examination.Weight(7), curve.Weight(7), 12);
        Assert.Equal(0.0, curve.Weight(0));
    }
}
