using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Ranking.Tests.Features;

public sealed class CandidateFeaturizerTests
{
    [Fact]
    public void Features_are_finite_and_bounded_for_random_candidates()
    {
        var snapshot = CandidateFactory.RandomSnapshot(new Random(2), 500);
        var stream = StreamSummary.From(snapshot);
        var viewer = new ViewerAffinities
        {
            Categories = new Dictionary<string, double> { ["c1"] = 0.8, ["c2"] = 7.0 },
            Sellers = new Dictionary<string, double> { ["s3"] = double.NaN },
        };
        var x = new double[FeatureLayout.Dimension];
        foreach (var c in snapshot)
        {
            CandidateFeaturizer.Featurize(c, stream, viewer, x);
            Assert.Equal(1.0, x[FeatureLayout.Bias]);
            Assert.All(x, v => Assert.InRange(v, -1.0, 1.0));
        }

        Assert.Equal(FeatureLayout.Dimension, FeatureLayout.Names.Count);
    }

    [Fact]
    public void Unseen_product_is_fully_novel_and_average()
    {
        var fresh = new RankingCandidate { ProductId = "new" };
        var seasoned = CandidateFactory.Product("old", 10_000, 200);
        var stream = StreamSummary.From([fresh, seasoned]);
        var x = new double[FeatureLayout.Dimension];

        CandidateFeaturizer.Featurize(fresh, stream, null, x);
        Assert.Equal(1.0, x[FeatureLayout.Novelty]);
        Assert.Equal(0.0, x[FeatureLayout.Attractiveness], 12);
        Assert.Equal(0.0, x[FeatureLayout.PinRecency]);
        Assert.Equal(0.0, x[FeatureLayout.Position]);

        CandidateFeaturizer.Featurize(seasoned, stream, null, x);
        Assert.True(x[FeatureLayout.Novelty] < 0.1);
    }

    [Fact]
    public void Seller_kind_wire_names_round_trip()
    {
        foreach (var kind in Enum.GetValues<SellerKind>())
        {
            Assert.Equal(kind, SellerKinds.Parse(kind.ToWireName()));
        }

        Assert.Equal(SellerKind.LocalSme, SellerKinds.Parse("LOCAL-SME"));
        Assert.False(SellerKinds.TryParse("marketplace", out _));
        Assert.Throws<FormatException>(() => SellerKinds.Parse("marketplace"));
    }
}
