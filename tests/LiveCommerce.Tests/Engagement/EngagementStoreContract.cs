using LiveCommerce.Engagement;
using LiveCommerce.Engagement.Storage;

namespace LiveCommerce.Tests.Engagement;

/// <summary>The behaviour both engagement stores must have; run against the in-process store and a real Redis.</summary>
public abstract class EngagementStoreContract
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>The options every store of a test uses.</summary>
    protected static EngagementOptions Options { get; } = new()
    {
        KeyPrefix = "test:" + Guid.NewGuid().ToString("N")[..8] + ":",
        AffinityHalfLife = TimeSpan.FromDays(1),
    };

    /// <summary>The store under test.</summary>
    protected abstract IEngagementStore Store { get; }

    [Fact]
    public async Task Stream_and_product_counters_are_exact_with_revenue_summed_per_currency()
    {
        var stream = Id("s");
        var other = Id("s");
        var p1 = Facts("local-sme", "batik", "seller-a");
        var p2 = Facts("platform", "shoes", "seller-b");
        var events = new List<EngagementEvent>();
        for (var i = 0; i < 50; i++)
        {
            events.Add(EngagementEvent.Impression(stream, p1, "v" + i, false, EngagementSurface.List, 1, Now));
            events.Add(EngagementEvent.Impression(stream, p2, "v" + i, false, EngagementSurface.List, 1, Now));
        }

        events.Add(EngagementEvent.Impression(stream, p1, null, false, EngagementSurface.Pin, 7, Now));
        for (var i = 0; i < 9; i++)
        {
            events.Add(EngagementEvent.Click(stream, p1, "v" + i, false, Now));
        }

        events.Add(EngagementEvent.Click(stream, p2, "conn:x", true, Now));
        events.Add(EngagementEvent.AddToCart(stream, p1, "v1", 3, Now));
        events.Add(EngagementEvent.Purchase(stream, p1, "v1", 2, 300_000, "IDR", Now));
        events.Add(EngagementEvent.Purchase(stream, p1, "v2", 1, 150_000, "IDR", Now));
        events.Add(EngagementEvent.Purchase(stream, p1, "v3", 1, 1_999, "USD", Now));
        events.Add(EngagementEvent.Purchase(other, p1, "v4", 4, 600_000, "IDR", Now));
        for (var i = 0; i < 5; i++)
        {
            events.Add(EngagementEvent.Stream(EngagementKind.Reaction, stream, "v" + i, false, Now));
        }

        events.Add(EngagementEvent.Stream(EngagementKind.Comment, stream, "v1", false, Now));

        // Written as three batches, as the pipeline would.
        foreach (var chunk in events.Chunk(40))
        {
            await Store.WriteAsync(EngagementBatch.From(chunk, Options));
        }

        var rows = await Store.GetStreamProductsAsync(stream, [p1.ProductId, p2.ProductId, "never-seen"]);
        Assert.Equal((57L, 9L, 3L, 4L), (rows[0].Impressions, rows[0].Clicks, rows[0].AddToCarts, rows[0].Purchases));
        Assert.Equal(450_000, rows[0].RevenueIn("IDR"));
        Assert.Equal(1_999, rows[0].RevenueIn("USD"));
        Assert.Equal((50L, 1L, 0L, 0L), (rows[1].Impressions, rows[1].Clicks, rows[1].AddToCarts, rows[1].Purchases));
        Assert.Equal(("never-seen", 0L, 0L), (rows[2].ProductId, rows[2].Impressions, rows[2].Purchases));

        var across = await Store.GetProductsAsync([p1.ProductId]);
        Assert.Equal(8, across[0].Purchases);
        Assert.Equal(1_050_000, across[0].RevenueIn("IDR"));

        var totals = await Store.GetStreamTotalsAsync(stream);
        Assert.Equal((5L, 1L), (totals.Reactions, totals.Comments));

        var exposure = (await Store.GetExposureAsync(stream)).ToDictionary(k => k.SellerKind);
        Assert.Equal((57L, 9L), (exposure["local-sme"].Impressions, exposure["local-sme"].Clicks));
        Assert.Equal((50L, 1L), (exposure["platform"].Impressions, exposure["platform"].Clicks));

        var pins = await Store.GetLastPinnedAsync(stream);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), pins[p1.ProductId].ToUnixTimeMilliseconds());
        Assert.False(pins.ContainsKey(p2.ProductId));
    }

    [Fact]
    public async Task Peak_and_unique_viewers_follow_joins_and_leaves()
    {
        var stream = Id("s");
        var events = new List<EngagementEvent>();
        void Join(string v) => events.Add(EngagementEvent.Stream(EngagementKind.Join, stream, v, v.StartsWith("conn:", StringComparison.Ordinal), Now));
        void Leave(string v) => events.Add(EngagementEvent.Stream(EngagementKind.Leave, stream, v, false, Now));
        Join("a");
        Join("b");
        Join("conn:1");
        Leave("a");
        Leave("b");
        await Store.WriteAsync(EngagementBatch.From(events, Options));
        events.Clear();
        Join("a");
        Join("c");
        Join("d");
        await Store.WriteAsync(EngagementBatch.From(events, Options));

        var totals = await Store.GetStreamTotalsAsync(stream);
        Assert.Equal(6, totals.Joins);
        Assert.Equal(4, totals.CurrentViewers);
        Assert.Equal(4, totals.PeakViewers);
        Assert.Equal(5, totals.UniqueViewers);
    }

    [Fact]
    public async Task A_batch_written_twice_counts_once()
    {
        var stream = Id("s");
        var batch = EngagementBatch.From(
            [EngagementEvent.Click(stream, Facts("brand", "bags", "s1"), "v", false, Now), EngagementEvent.Stream(EngagementKind.Comment, stream, "v", false, Now)],
            Options);
        await Store.WriteAsync(batch);
        await Store.WriteAsync(batch);
        Assert.Equal(1, (await Store.GetStreamTotalsAsync(stream)).Comments);
        Assert.Equal(1, (await Store.GetExposureAsync(stream)).Single().Clicks);
    }

    [Fact]
    public async Task List_impressions_add_their_examination_and_only_list_clicks_and_actions_feed_the_ranker()
    {
        var stream = Id("s");
        var local = Facts("local-sme", "batik", "s1");
        var brand = Facts("brand", "batik", "s2");
        var events = new List<EngagementEvent>
        {
            EngagementEvent.ListImpression(stream, local, "v1", false, 1, 1.0, Now),
            EngagementEvent.ListImpression(stream, brand, "v1", false, 2, 0.630930, Now),
            EngagementEvent.ListImpression(stream, brand, "v2", false, 1, 1.0, Now),
            EngagementEvent.Impression(stream, local, "v2", false, EngagementSurface.PinnedCard, 1, Now),
            EngagementEvent.Click(stream, local, "v1", false, Now),
            EngagementEvent.Click(stream, local, "v2", false, Now, EngagementSurface.PinnedCard),
            EngagementEvent.Click(stream, local, "v2", false, Now, EngagementSurface.Chat),
            EngagementEvent.AddToCart(stream, local, "v1", 5, Now),
            EngagementEvent.Purchase(stream, local, "v1", 3, 300, "IDR", Now),
        };
        await Store.WriteAsync(EngagementBatch.From(events, Options));
        var rows = await Store.GetStreamProductsAsync(stream, [local.ProductId, brand.ProductId]);
        var l = rows[0];
        Assert.Equal((2L, 3L, 1L, 5L, 1L, 3L, 1L), (l.Impressions, l.Clicks, l.ListClicks, l.AddToCarts, l.CartActions, l.Purchases, l.PurchaseActions));
        Assert.Equal(1.0, l.Examination, 6);
        Assert.Equal(1.630930, rows[1].Examination, 6);
        var exposure = (await Store.GetExposureAsync(stream)).ToDictionary(k => k.SellerKind);
        Assert.Equal(1.0, exposure["local-sme"].Examination, 6);
        Assert.Equal(1.630930, exposure["brand"].Examination, 6);
        Assert.Equal(2, exposure["local-sme"].Impressions);
    }

    [Fact]
    public async Task Trends_split_recent_and_prior_windows_across_streams()
    {
        var product = Facts("local-sme", "batik", "s1");
        var old = Now - (Options.TrendBucket * (Options.TrendRecentBuckets + 2));
        var events = new List<EngagementEvent>
        {
            EngagementEvent.ListImpression(Id("s"), product, "v", false, 1, 1.0, Now),
            EngagementEvent.ListImpression(Id("s"), product, "v", false, 3, 0.5, Now),
            EngagementEvent.Click(Id("s"), product, "v", false, Now),
            EngagementEvent.Click(Id("s"), product, "v", false, Now, EngagementSurface.PinnedCard),
            EngagementEvent.ListImpression(Id("s"), product, "v", false, 2, 0.25, old),
            EngagementEvent.Click(Id("s"), product, "v", false, old),
            EngagementEvent.Click(Id("s"), product, "v", false, old),
        };
        await Store.WriteAsync(EngagementBatch.From(events, Options));
        var trend = (await Store.GetTrendsAsync([product.ProductId], Now)).Single();
        Assert.Equal((1.5, 1L, 0.25, 2L), (trend.RecentExamination, trend.RecentClicks, trend.PriorExamination, trend.PriorClicks));
    }

    [Fact]
    public async Task Affinities_add_weights_decay_by_half_life_and_skip_anonymous_viewers()
    {
        var viewer = Id("viewer");
        var product = Facts("local-sme", "batik", "seller-z");
        var events = new List<EngagementEvent>
        {
            EngagementEvent.Click(Id("s"), product, viewer, false, Now),
            EngagementEvent.AddToCart(Id("s"), product, viewer, 1, Now),
            EngagementEvent.Click(Id("s"), product, "conn:" + viewer, true, Now),
        };
        await Store.WriteAsync(EngagementBatch.From(events, Options));

        var fresh = await Store.GetAffinitiesAsync(viewer, Now);
        Assert.Equal(4.0, fresh.Categories["batik"], 6);
        Assert.Equal(4.0, fresh.Sellers["seller-z"], 6);
        Assert.Equal(4.0, fresh.Products[product.ProductId], 6);
        Assert.True((await Store.GetAffinitiesAsync("conn:" + viewer, Now)).IsEmpty);

        var later = await Store.GetAffinitiesAsync(viewer, Now + Options.AffinityHalfLife);
        Assert.Equal(2.0, later.Categories["batik"], 6);

        // A purchase a half-life later: the old score is decayed first, then the weight is added.
        await Store.WriteAsync(EngagementBatch.From(
            [EngagementEvent.Purchase(Id("s"), product, viewer, 1, 100, "IDR", Now + Options.AffinityHalfLife)], Options));
        var after = await Store.GetAffinitiesAsync(viewer, Now + Options.AffinityHalfLife);
        Assert.Equal(7.0, after.Sellers["seller-z"], 6);
    }

    [Fact]
    public async Task A_signed_in_viewers_looks_and_list_clicks_are_kept_per_product_and_category_and_decay_with_the_scores()
    {
        var viewer = Id("viewer");
        var product = Facts("brand", "hijab", "seller-y");
        var other = Facts("brand", "hijab", "seller-y");
        var events = new List<EngagementEvent>
        {
            EngagementEvent.ListImpression(Id("s"), product, viewer, false, 1, 1.0, Now),
            EngagementEvent.ListImpression(Id("s"), other, viewer, false, 3, 0.5, Now),
            EngagementEvent.ListImpression(Id("s"), product, viewer, false, 2, 0.63, Now),
            EngagementEvent.Click(Id("s"), product, viewer, false, Now),
            EngagementEvent.Click(Id("s"), other, viewer, false, Now, EngagementSurface.PinnedCard),
            EngagementEvent.ListImpression(Id("s"), product, "conn:" + viewer, true, 1, 1.0, Now),
        };
        await Store.WriteAsync(EngagementBatch.From(events, Options));

        var scores = await Store.GetAffinitiesAsync(viewer, Now);
        Assert.Equal(1.63, scores.ProductLooks[product.ProductId], 6);
        Assert.Equal(0.5, scores.ProductLooks[other.ProductId], 6);
        Assert.Equal(1.0, scores.ProductOpens[product.ProductId], 6);
        Assert.False(scores.ProductOpens.ContainsKey(other.ProductId), "a click on the pinned card is not a list click");
        Assert.Equal(2.13, scores.CategoryLooks["hijab"], 6);
        Assert.Equal(1.0, scores.CategoryOpens["hijab"], 6);
        Assert.True((await Store.GetAffinitiesAsync("conn:" + viewer, Now)).IsEmpty);
        Assert.Equal(0.815, (await Store.GetAffinitiesAsync(viewer, Now + Options.AffinityHalfLife)).ProductLooks[product.ProductId], 6);
    }

    /// <summary>A fresh id.</summary>
    protected static string Id(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    private static ProductFacts Facts(string kind, string category, string seller) => new(Id("p"), seller, kind, category);
}
