using System.Globalization;
using BenchmarkDotNet.Attributes;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Benchmarks.Ranking;

/// <summary>
/// Ranking a 500-product stream snapshot. The baseline is the floor of what any ranker must do: sort 500
/// precomputed scores. The other benchmarks featurize, score with LinUCB (θ·x + α√(xᵀA⁻¹x)), sort and apply the
/// local-seller exposure floor (0.3), plus building next-pin suggestions with reasons.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RankingBenchmarks
{
    private RankingCandidate[] _candidates = [];
    private double[] _precomputedScores = [];
    private double[] _keys = [];
    private int[] _order = [];
    private ProductRanker _ranker = null!;
    private RankingContext _anonymous = null!;
    private RankingContext _viewer = null!;
    private RankingContext _sampled = null!;
    private double[] _features = [];
    private StreamSummary _stream;

    [Params(500)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _candidates = new RankingCandidate[Candidates];
        for (var i = 0; i < Candidates; i++)
        {
            var impressions = random.Next(0, 20_000);
            var clicks = impressions == 0 ? 0 : random.Next(0, (impressions / 12) + 1);
            _candidates[i] = new RankingCandidate
            {
                ProductId = "product-" + i.ToString(CultureInfo.InvariantCulture),
                CategoryId = "category-" + random.Next(0, 30).ToString(CultureInfo.InvariantCulture),
                SellerId = "seller-" + random.Next(0, 120).ToString(CultureInfo.InvariantCulture),
                SellerKind = (SellerKind)random.Next(0, 3),
                Impressions = impressions,
                Examination = impressions * 0.4,
                ListClicks = clicks,
                Clicks = clicks,
                CartActions = clicks == 0 ? 0 : random.Next(0, (clicks / 3) + 1),
                PurchaseActions = random.Next(0, 20),
                UnitsSold = random.Next(0, 40),
                RevenueMinor = random.Next(0, 500_000),
                RecentExamination = random.Next(0, 10_000),
                RecentClicks = random.Next(0, 600),
                PriorExamination = random.Next(0, 40_000),
                PriorClicks = random.Next(0, 2_000),
                PriceMinor = random.Next(199, 99_999),
                StockLeft = random.Next(0, 3) == 0 ? null : random.Next(1, 500),
                SecondsSinceLastPinned = random.Next(0, 2) == 0 ? null : random.Next(0, 3_600),
            };
        }

        // A model that has seen 20,000 outcomes.
        _ranker = new ProductRanker();
        _stream = StreamSummary.From(_candidates);
        for (var t = 0; t < 20_000; t++)
        {
            var c = _candidates[random.Next(Candidates)];
            var ctr = c.Impressions == 0 ? 0.02 : (double)c.Clicks / c.Impressions;
            _ranker.Update(c, _stream, null, random.Next(1, 21), random.NextDouble() < ctr ? EngagementReward.Click : EngagementReward.None);
        }

        var categories = Enumerable.Range(0, 20).ToDictionary(i => "category-" + i.ToString(CultureInfo.InvariantCulture), _ => random.NextDouble());
        var sellers = Enumerable.Range(0, 20).ToDictionary(i => "seller-" + i.ToString(CultureInfo.InvariantCulture), _ => random.NextDouble());
        _anonymous = new RankingContext { LocalSellerExposureFloor = FairExposureDefaults.Floor };
        // A returning viewer: affinities, and looks and list clicks on 40 products and 10 categories (the personal estimate).
        var productHistory = Enumerable.Range(0, 40).ToDictionary(
            i => "product-" + (i * 12).ToString(CultureInfo.InvariantCulture), _ => new ViewerHistory(random.NextDouble() * 6, random.Next(0, 3)), StringComparer.Ordinal);
        var categoryHistory = Enumerable.Range(0, 10).ToDictionary(
            i => "category-" + i.ToString(CultureInfo.InvariantCulture), _ => new ViewerHistory(random.NextDouble() * 20, random.Next(0, 6)), StringComparer.Ordinal);
        _viewer = _anonymous with
        {
            Viewer = new ViewerAffinities
            {
                Categories = categories,
                Sellers = sellers,
                ProductHistory = productHistory,
                CategoryHistory = categoryHistory,
                Overall = new ViewerHistory(productHistory.Values.Sum(h => h.Examined), productHistory.Values.Sum(h => h.Clicked)),
            },
        };
        _sampled = _viewer with { Temperature = 0.2, Seed = 0x5EED };

        _precomputedScores = new double[Candidates];
        for (var i = 0; i < Candidates; i++)
        {
            _precomputedScores[i] = _ranker.Score(_candidates[i], _stream, _anonymous);
        }

        _keys = new double[Candidates];
        _order = new int[Candidates];
        _features = new double[FeatureLayout.Dimension];
        CandidateFeaturizer.Featurize(_candidates[0], _stream, null, _features);
    }

    /// <summary>Baseline: sort 500 precomputed scores (no features, no model, no floor).</summary>
    [Benchmark(Baseline = true)]
    public int SortPrecomputedScores()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            _keys[i] = -_precomputedScores[i];
            _order[i] = i;
        }

        Array.Sort(_keys, _order);
        return _order[0];
    }

    /// <summary>Anonymous viewer, floor 0.3, into a caller-owned span (the allocation-free path).</summary>
    [Benchmark]
    public int RankWithFloor() => _ranker.Rank(_candidates, _anonymous, _order);

    /// <summary>Returning viewer (category and seller affinities, looks and clicks on 40 products), floor 0.3, into a span.</summary>
    [Benchmark]
    public int RankPersonalisedWithFloor() => _ranker.Rank(_candidates, _viewer, _order);

    /// <summary>What the engine does per join: personalised, drawn by Plackett–Luce at temperature 0.2 with a list seed, floor 0.3, into a span.</summary>
    [Benchmark]
    public int RankSampledPersonalisedWithFloor() => _ranker.Rank(_candidates, _sampled, _order);

    /// <summary>Floor 0.3, returning a RankedProduct[] (allocates only the result).</summary>
    [Benchmark]
    public RankedProduct[] RankToArray() => _ranker.Rank(_candidates, _viewer);

    /// <summary>Next-pin suggestions: the top 5 with reasons.</summary>
    [Benchmark]
    public IReadOnlyList<PinSuggestion> Suggest() => _ranker.Suggest(_candidates, 5, _anonymous);

    /// <summary>One online update of the bandit (Sherman–Morrison, d = 11).</summary>
    [Benchmark]
    public long Update()
    {
        _ranker.Model.Update(_features, EngagementReward.Click);
        return _ranker.Model.UpdateCount;
    }
}
