using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Features;
using LiveCommerce.Ranking.Reasons;

namespace LiveCommerce.Ranking.Tests.Reasons;

public sealed class ReasonBuilderTests
{
    [Fact]
    public void Reasons_quote_the_ctr_and_its_ratio_to_the_stream_average()
    {
        // 41 clicks on 1,000 impressions in a stream with 41 clicks on 3,000 impressions: 4.1%, 3× the average.
        var snapshot = new[]
        {
            CandidateFactory.Product("star", 1_000, 41),
            CandidateFactory.Product("b", 1_000, 0),
            CandidateFactory.Product("c", 1_000, 0),
        };
        var reasons = Texts(ReasonBuilder.Build(snapshot[0], StreamSummary.From(snapshot), RankerOptions.Default, exploring: true));
        Assert.Contains("opened by 4.1% of viewers who saw it in the list, 3× this stream's average", reasons);
    }

    [Fact]
    public void Suggestions_carry_the_ctr_ratio()
    {
        var snapshot = new[]
        {
            CandidateFactory.Product("star", 2_000, 100),
            CandidateFactory.Product("b", 2_000, 20),
            CandidateFactory.Product("c", 2_000, 30),
        };
        var top = new ProductRanker().Suggest(snapshot, 1, new RankingContext { Explore = false, LocalSellerExposureFloor = 0 }).Single();
        Assert.Equal("star", top.ProductId);
        Assert.Equal(new RankingReason(ReasonKinds.ClickRate, "opened by 5% of viewers who saw it in the list, 2× this stream's average"), top.Reasons[0]);
    }

    [Fact]
    public void Reasons_cover_funnel_trend_pin_seller_stock_and_novelty()
    {
        var product = new RankingCandidate
        {
            ProductId = "x",
            SellerKind = SellerKind.LocalSme,
            Impressions = 12,
            Examination = 4,
            Clicks = 10,
            CartActions = 4,
            PurchaseActions = 2,
            UnitsSold = 3,
            RevenueMinor = 1_234_560,
            CurrencyDigits = 2,
            CurrencyCode = "EUR",
            RecentExamination = 1_000,
            RecentClicks = 60,
            PriorExamination = 4_000,
            PriorClicks = 80,
            StockLeft = 3,
            SecondsSinceLastPinned = 25 * 60 + 10,
        };
        var others = CandidateFactory.Product("y", 5_000, 50) with { CartActions = 2 };
        var built = ReasonBuilder.Build(product, StreamSummary.From([product, others]), RankerOptions.Default, exploring: true);
        var reasons = Texts(built);

        Assert.Contains("40% of those who opened it added it to cart", reasons);
        Assert.Contains("3 units sold so far (12,345.60 EUR)", reasons);
        Assert.Contains("trending across streams: click rate 3× its earlier level", reasons);
        Assert.Contains("not pinned for 25 min", reasons);
        Assert.Contains("verified local seller", reasons);
        Assert.Contains("only 3 left in stock", reasons);
        Assert.Contains("new product, being explored", reasons);
        Assert.Equal(
            [ReasonKinds.CartRate, ReasonKinds.Sales, ReasonKinds.Trend, ReasonKinds.Pin, ReasonKinds.LocalSeller, ReasonKinds.LowStock, ReasonKinds.Exploring],
            built.Select(r => r.Kind));
    }

    [Fact]
    public void Never_pinned_and_fallback()
    {
        var never = CandidateFactory.Product("n", 1_000, 10) with { SecondsSinceLastPinned = null };
        var stream = StreamSummary.From([never]);
        Assert.Contains(new RankingReason(ReasonKinds.Pin, "not pinned yet"), ReasonBuilder.Build(never, stream, RankerOptions.Default, exploring: false));

        var plain = CandidateFactory.Product("p", 1_000, 10) with { SecondsSinceLastPinned = 60 };
        Assert.Equal([new RankingReason(ReasonKinds.Steady, ReasonBuilder.Fallback)], ReasonBuilder.Build(plain, StreamSummary.From([plain]), RankerOptions.Default, exploring: false));
    }

    [Theory]
    [InlineData(3.0, "3×")]
    [InlineData(2.46, "2.5×")]
    [InlineData(12.4, "12×")]
    public void Ratio_formatting(double ratio, string expected) => Assert.Equal(expected, ReasonBuilder.FormatRatio(ratio));

    [Theory]
    [InlineData(0.041, "4.1%")]
    [InlineData(0.0005, "0.05%")]
    [InlineData(0.5, "50%")]
    public void Percent_formatting(double rate, string expected) => Assert.Equal(expected, ReasonBuilder.FormatPercent(rate));

    private static List<string> Texts(IEnumerable<RankingReason> reasons) => [.. reasons.Select(r => r.Text)];
}
