using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Ranking.Tests;

public sealed class ProductRankerTests
{
    [Fact]
    public void Floor_zero_ranks_by_score()
    {
        var ranker = TrainedRanker();
        var snapshot = CandidateFactory.RandomSnapshot(new Random(1), 300);
        var ranked = ranker.Rank(snapshot, new RankingContext { LocalSellerExposureFloor = 0 });

        Assert.Equal(snapshot.Length, ranked.Length);
        for (var i = 0; i < ranked.Length; i++)
        {
            Assert.Equal(i, ranked[i].ScoreRank);
            if (i > 0)
            {
                Assert.True(ranked[i - 1].Score >= ranked[i].Score);
            }
        }
    }

    [Fact]
    public void Ranked_lists_respect_the_floor_and_never_lift_platform_products()
    {
        var ranker = TrainedRanker();
        var random = new Random(77);
        for (var trial = 0; trial < 200; trial++)
        {
            var snapshot = CandidateFactory.RandomSnapshot(random, random.Next(3, 120));
            var floor = random.NextDouble();
            var ranked = ranker.Rank(snapshot, new RankingContext { LocalSellerExposureFloor = floor });
            var totalLocal = snapshot.Count(c => c.SellerKind == SellerKind.LocalSme);
            var local = 0;
            for (var position = 0; position < ranked.Length; position++)
            {
                var candidate = snapshot[ranked[position].CandidateIndex];
                Assert.Equal(candidate.ProductId, ranked[position].ProductId);
                if (candidate.SellerKind == SellerKind.LocalSme)
                {
                    local++;
                }
                else
                {
                    Assert.True(position >= ranked[position].ScoreRank, "a non-local product was lifted");
                }

                var k = position + 1;
                if (k >= 3)
                {
                    Assert.True(local >= Math.Min((int)Math.Floor((floor * k) + 1e-9), totalLocal));
                }
            }
        }
    }

    [Fact]
    public void Viewer_affinity_personalises_the_order()
    {
        // Teach the model that category affinity predicts clicks.
        var ranker = new ProductRanker();
        var random = new Random(8);
        var snapshot = new[] { CandidateFactory.Product("a", 500, 10), CandidateFactory.Product("b", 500, 10) };
        var stream = StreamSummary.From(snapshot);
        for (var i = 0; i < 4_000; i++)
        {
            var affinity = random.NextDouble();
            var viewer = new ViewerAffinities { Categories = new Dictionary<string, double> { ["cat-a"] = affinity } };
            ranker.Update(snapshot[0], stream, viewer, 1, random.NextDouble() < 0.3 * affinity ? 1 : 0);
        }

        var fan = new ViewerAffinities { Categories = new Dictionary<string, double> { ["cat-b"] = 1.0 } };
        var ranked = ranker.Rank(snapshot, new RankingContext { Viewer = fan, Explore = false, LocalSellerExposureFloor = 0 });
        Assert.Equal("b", ranked[0].ProductId);
    }

    [Fact]
    public void Span_overload_matches_and_does_not_allocate()
    {
        var ranker = TrainedRanker();
        var snapshot = CandidateFactory.RandomSnapshot(new Random(3), 500);
        var context = RankingContext.Default;
        var destination = new int[snapshot.Length];
        ranker.Rank(snapshot, context, destination); // warm up buffers

        var written = 0;
        var allocated = Allocations.Least(() => written = ranker.Rank(snapshot, context, destination));

        Assert.Equal(snapshot.Length, written);
        Assert.Equal(0, allocated);
        Assert.Equal(ranker.Rank(snapshot, context).Select(r => r.CandidateIndex), destination);
    }

    [Fact]
    public void Sampled_personalised_span_ranking_does_not_allocate()
    {
        var ranker = TrainedRanker();
        var snapshot = CandidateFactory.RandomSnapshot(new Random(5), 500);
        var viewer = new ViewerAffinities
        {
            Categories = new Dictionary<string, double>(StringComparer.Ordinal) { ["c1"] = 0.7, ["c4"] = 0.2 },
            Sellers = new Dictionary<string, double>(StringComparer.Ordinal) { ["s3"] = 0.9 },
            Products = new Dictionary<string, double>(StringComparer.Ordinal) { ["p17"] = 0.4 },
        };
        var context = new RankingContext { Viewer = viewer, Temperature = 0.2, Seed = 0x5EED };
        var another = context with { Seed = 7 };
        var destination = new int[snapshot.Length];
        ranker.Rank(snapshot, context, destination); // warm up buffers

        var allocated = Allocations.Least(() => ranker.Rank(snapshot, another, destination));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Suggest_skips_pinned_and_sold_out_products_and_orders_best_first()
    {
        var ranker = TrainedRanker();
        var snapshot = CandidateFactory.RandomSnapshot(new Random(10), 40)
            .Select((c, i) => c with { IsPinned = i == 0, StockLeft = i == 1 ? 0 : c.StockLeft })
            .ToArray();
        var context = new RankingContext { LocalSellerExposureFloor = 0 };

        var suggestions = ranker.Suggest(snapshot, 5, context);

        Assert.Equal(5, suggestions.Count);
        Assert.DoesNotContain(suggestions, s => s.ProductId is "p0" or "p1");
        Assert.All(suggestions, s => Assert.NotEmpty(s.Reasons));
        for (var i = 1; i < suggestions.Count; i++)
        {
            Assert.True(suggestions[i - 1].Score >= suggestions[i].Score);
        }

        var best = ranker.Rank(snapshot.Skip(2).ToArray(), context with { Explore = false })[0].ProductId;
        Assert.Equal(best, suggestions[0].ProductId);
    }

    [Fact]
    public void Suggestions_follow_the_learned_reward_and_the_floor_does_not_reorder_them()
    {
        var ranker = new ProductRanker();
        var snapshot = new[]
        {
            CandidateFactory.Product("hit1", 1_000, 90),
            CandidateFactory.Product("hit2", 1_000, 80),
            CandidateFactory.Product("hit3", 1_000, 70),
            CandidateFactory.Product("local", 1_000, 5, SellerKind.LocalSme),
        };
        var stream = StreamSummary.From(snapshot);
        var random = new Random(3);
        for (var i = 0; i < 4_000; i++)
        {
            var c = snapshot[random.Next(snapshot.Length)];
            var position = random.Next(1, 5);
            var clicked = random.NextDouble() < Examination.Weight(position) * c.ListClicks / (double)c.Examination;
            ranker.Update(c, stream, null, position, EngagementReward.For(clicked));
        }

        var suggestions = ranker.Suggest(snapshot, 3, new RankingContext { LocalSellerExposureFloor = 0.34 });
        Assert.Equal(["hit1", "hit2", "hit3"], suggestions.Select(s => s.ProductId));
        Assert.Contains(ranker.Suggest(snapshot, 4)[3].Reasons, r => r.Kind == LiveCommerce.Ranking.Reasons.ReasonKinds.LocalSeller);
    }

    [Fact]
    public void Empty_snapshot_gives_empty_results()
    {
        var ranker = new ProductRanker();
        Assert.Empty(ranker.Rank([]));
        Assert.Empty(ranker.Suggest([]));
    }

    private static ProductRanker TrainedRanker()
    {
        var ranker = new ProductRanker();
        new Bandit.SimulatedStream(seed: 1, 0.02, 0.06, 0.04).Play(ranker, 1_000);
        return ranker;
    }
}
