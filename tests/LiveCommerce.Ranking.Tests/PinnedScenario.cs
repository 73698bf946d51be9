using System.Globalization;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Ranking.Tests;

/// <summary>
/// A fixed ranking scenario whose outputs (orders, scores, choice probabilities) are pinned in
/// <see cref="RankingPinnedOutputTests"/>: a trained model, a 60-product snapshot with a few awkward candidates
/// (no category or seller, a NaN count, a duplicate product id, a sold-out and a pinned product) and a viewer with
/// category, seller and product affinities.
/// </summary>
internal static class PinnedScenario
{
    public const int Count = 60;

    public static RankingCandidate[] Snapshot()
    {
        var snapshot = CandidateFactory.RandomSnapshot(new Random(2024), Count);
        snapshot[4] = snapshot[4] with { CategoryId = null, SellerId = null };
        snapshot[9] = snapshot[9] with { Examination = double.NaN };
        snapshot[13] = snapshot[13] with { ProductId = snapshot[12].ProductId };
        snapshot[17] = snapshot[17] with { Impressions = 0, Examination = 0, ListClicks = 0, Clicks = 0, CartActions = 0, PurchaseActions = 0 };
        snapshot[21] = snapshot[21] with { StockLeft = 0 };
        snapshot[22] = snapshot[22] with { IsPinned = true, SecondsSinceLastPinned = 0 };
        return snapshot;
    }

    public static ViewerAffinities Viewer()
    {
        var random = new Random(7);
        return new ViewerAffinities
        {
            Categories = Enumerable.Range(0, 6).ToDictionary(i => "c" + i.ToString(CultureInfo.InvariantCulture), _ => random.NextDouble(), StringComparer.Ordinal),
            Sellers = Enumerable.Range(0, 10).ToDictionary(i => "s" + i.ToString(CultureInfo.InvariantCulture), _ => (random.NextDouble() * 1.4) - 0.2, StringComparer.Ordinal),
            Products = new Dictionary<string, double>(StringComparer.Ordinal) { ["p3"] = 0.9, ["p12"] = 0.5, ["p42"] = double.NaN, ["p-unknown"] = 1 },
        };
    }

    /// <summary>A ranker whose model has learned from 3,000 outcomes, with and without viewers.</summary>
    public static ProductRanker Ranker()
    {
        var ranker = new ProductRanker();
        var snapshot = Snapshot();
        var stream = StreamSummary.From(snapshot);
        var viewer = Viewer();
        var random = new Random(99);
        for (var t = 0; t < 3_000; t++)
        {
            var c = snapshot[random.Next(Count)];
            if (double.IsNaN(c.Examination))
            {
                continue;
            }

            var position = random.Next(1, 21);
            var ctr = c.Impressions == 0 ? 0.02 : (double)c.Clicks / c.Impressions;
            var reward = random.NextDouble() < ctr * 3 ? EngagementReward.Click : EngagementReward.None;
            ranker.Update(c, stream, t % 3 == 0 ? null : viewer, position, reward);
        }

        return ranker;
    }
}
