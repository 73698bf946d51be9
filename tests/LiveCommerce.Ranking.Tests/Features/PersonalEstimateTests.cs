using CsCheck;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Ranking.Tests.Features;

public sealed class PersonalEstimateTests
{
    private static readonly Gen<ViewerHistory> History =
        Gen.Select(Gen.Double[0, 50], Gen.Double[0, 1]).Select((looks, share) => new ViewerHistory(looks, Math.Round(looks * share)));

    [Fact]
    public void A_viewer_without_history_gets_the_models_estimate_unchanged()
    {
        Gen.Double[0, 1].Sample(mean => Assert.Equal(0.0, PersonalEstimate.Shift(mean, default, default, default), 12));
    }

    [Fact]
    public void The_personal_estimate_stays_a_rate_and_is_the_Beta_Binomial_posterior_of_the_reference()
    {
        Gen.Select(Gen.Double[0.001, 1], History, History, History).Sample((mean, product, category, rest) =>
        {
            var overall = product + category + rest;
            var shift = PersonalEstimate.Shift(mean, product, category, overall);
            var personal = mean + shift;
            Assert.InRange(personal, 0.0, 1.0 + 1e-12);

            // The reference, written out: the overall rate, the category lift, the product posterior.
            var rate = (overall.Clicked + (5 * mean)) / (overall.Examined + 5);
            var lift = overall.Examined > 0 ? Math.Clamp(((category.Clicked + (5 * rate)) / (category.Examined + 5)) / rate, 0.25, 4) : 1;
            var expected = Math.Min(1, ((3 * Math.Min(1, mean * lift)) + product.Clicked) / (3 + product.Examined));
            Assert.Equal(expected, personal, 9);
        });
    }

    [Fact]
    public void More_clicks_on_the_same_looks_never_lower_the_estimate_and_more_looks_without_clicks_never_raise_it()
    {
        Gen.Select(Gen.Double[0.01, 0.9], Gen.Double[0, 30], Gen.Double[0, 10]).Sample((mean, looks, clicks) =>
        {
            var overall = new ViewerHistory(looks + 10, clicks + 2);
            var baseline = PersonalEstimate.Shift(mean, new ViewerHistory(looks, clicks), default, overall);
            Assert.True(PersonalEstimate.Shift(mean, new ViewerHistory(looks, clicks + 1), default, overall) >= baseline - 1e-12);
            Assert.True(PersonalEstimate.Shift(mean, new ViewerHistory(looks + 1, clicks), default, overall) <= baseline + 1e-12);
        });
    }

    [Fact]
    public void A_product_the_viewer_keeps_opening_overtakes_the_crowds_best_in_their_own_list_only()
    {
        var favourite = CandidateFactory.Product("favourite", 2_000, 60);
        var popular = CandidateFactory.Product("popular", 2_000, 400);
        var ranker = new ProductRanker();
        var viewer = new ViewerAffinities
        {
            ProductHistory = new Dictionary<string, ViewerHistory>
            {
                ["favourite"] = new(3.0, 3),
                ["popular"] = new(3.0, 0),
            },
            Overall = new ViewerHistory(6.0, 3),
        };

        var own = ranker.Rank([popular, favourite], new RankingContext { Viewer = viewer, LocalSellerExposureFloor = 0 });
        var crowd = ranker.Rank([popular, favourite], new RankingContext { LocalSellerExposureFloor = 0 });
        Assert.Equal("favourite", own[0].ProductId);
        Assert.Equal("popular", crowd[0].ProductId);
    }
}
