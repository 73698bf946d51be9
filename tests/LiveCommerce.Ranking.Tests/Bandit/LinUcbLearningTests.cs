using LiveCommerce.Ranking.Bandit;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Ranking.Tests.Bandit;

public sealed class LinUcbLearningTests
{
    [Fact]
    public void Learns_to_prefer_the_product_with_the_higher_click_rate()
    {
        var stream = new SimulatedStream(seed: 11, 0.02, 0.04, 0.12, 0.03, 0.05);
        var ranker = new ProductRanker();

        stream.Play(ranker, 4_000);
        var lateShown = stream.Play(ranker, 4_000);

        // Exploitation: most late impressions go to the best product (index 2).
        Assert.True(lateShown[2] > 0.5 * lateShown.Sum(), $"best product shown {lateShown[2]} of {lateShown.Sum()} late rounds");

        // The mean estimate (no exploration) ranks the best product first.
        var ranked = ranker.Rank(stream.Snapshot(), new RankingContext { Explore = false, LocalSellerExposureFloor = 0 });
        Assert.Equal("p2", ranked[0].ProductId);
    }

    [Fact]
    public void Every_product_is_tried_early_on()
    {
        var stream = new SimulatedStream(seed: 3, 0.02, 0.04, 0.12, 0.03, 0.05);
        var shown = stream.Play(new ProductRanker(), 300);
        Assert.All(shown, count => Assert.True(count > 0));
    }

    [Fact]
    public void An_unseen_product_gets_explored()
    {
        var stream = new SimulatedStream(seed: 5, 0.03, 0.06, 0.04);
        var ranker = new ProductRanker();
        stream.Play(ranker, 3_000);

        stream.AddProduct(0.05);
        var newcomer = stream.ProductCount - 1;
        var snapshot = stream.Snapshot();
        var stats = StreamSummary.From(snapshot);

        // It has an exploration bonus (its attractiveness is unknown), and it is shown while it is new.
        var bonus = ranker.Score(snapshot[newcomer], stats, RankingContext.Default) - ranker.Score(snapshot[newcomer], stats, RankingContext.Default with { Explore = false });
        Assert.True(bonus > 0);
        // It is shown while it is new.
        stream.Play(ranker, 500);
        Assert.True(stream.ImpressionsOf(newcomer) >= 20, $"newcomer shown {stream.ImpressionsOf(newcomer)} times");
    }

    [Fact]
    public void Without_exploration_an_untrained_model_scores_zero()
    {
        var model = new LinUcbModel();
        var x = new double[model.Dimension];
        x[0] = 1;
        Assert.Equal(0.0, model.Score(x, explore: false));
        Assert.True(model.Score(x, explore: true) > 0);
    }

    [Fact]
    public void Ridge_solution_matches_a_direct_solve()
    {
        // Fit y = 0.2 + 0.5·x1 exactly; after many updates θ approaches (0.2, 0.5).
        var model = new LinUcbModel(dimension: 2, alpha: 0, ridge: 1e-6);
        var random = new Random(1);
        for (var i = 0; i < 10_000; i++)
        {
            var x1 = random.NextDouble();
            model.Update([1.0, x1], 0.2 + (0.5 * x1));
        }

        Assert.Equal(0.2, model.Coefficients[0], 6);
        Assert.Equal(0.5, model.Coefficients[1], 6);
    }
}
