using System.Net;
using LiveCommerce.Grains.Ranking;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Analytics;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Ranking;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PinSuggestion = LiveCommerce.Contracts.Analytics.PinSuggestion;
using SellerKinds = LiveCommerce.Contracts.Products.SellerKinds;

namespace LiveCommerce.Tests.Engagement;

/// <summary>
/// Engagement, analytics, exposure and ranking end to end over real HTTP and real hub connections; run in the
/// embedded default and in cluster mode.
/// </summary>
public abstract class EngagementScenarios
{
    /// <summary>The host under test.</summary>
    protected abstract EngineHost Host { get; }

    [Fact]
    public async Task Stream_analytics_count_every_engagement_exactly_with_a_row_for_every_listed_product()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host, products: 3);
        await using var v1 = await Host.ConnectViewerAsync(Id("viewer"));
        await using var v2 = await Host.ConnectViewerAsync(Id("viewer"), HubProtocol.MessagePack);
        await using var anonymous = await Host.ConnectViewerAsync();
        foreach (var viewer in new[] { v1, v2, anonymous })
        {
            Assert.Equal(3, (await viewer.JoinStreamAsync(stream.Id)).Products.Count);
        }

        await v1.ViewProductAsync(stream.Id, products[0].Id);
        await v1.ViewProductAsync(stream.Id, products[0].Id);
        await v2.ViewProductAsync(stream.Id, products[1].Id);
        await anonymous.ViewProductAsync(stream.Id, products[0].Id);
        for (var i = 0; i < 3; i++)
        {
            await v1.ReactAsync(stream.Id, "heart");
        }

        await v2.CommentAsync(stream.Id, "Bagus sekali!");
        await v1.AddToCartAsync(stream.Id, products[1].Id, 2);
        await v1.CheckoutAsync(Guid.NewGuid().ToString("N"));

        var analytics = await EventuallyAsync(
            () => creator.SendAsync<StreamAnalytics>(HttpMethod.Get, $"/api/streams/{stream.Id}/analytics", null),
            a => a.Products.Sum(p => p.Purchases) == 2 && a.Comments == 1 && a.Products.Sum(p => p.Clicks) == 4);
        Assert.Equal((3L, 3L, 3L, 1L), (analytics.UniqueViewers, analytics.PeakViewers, analytics.Reactions, analytics.Comments));
        Assert.Equal([.. products.Select(p => p.Id)], analytics.Products.Select(p => p.ProductId).ToArray());
        var rows = analytics.Products;
        Assert.Equal((3L, 3L, 0L, 0L, 0L), (rows[0].Impressions, rows[0].Clicks, rows[0].AddToCarts, rows[0].Purchases, rows[0].Revenue.Amount));
        Assert.Equal((3L, 1L, 2L, 2L), (rows[1].Impressions, rows[1].Clicks, rows[1].AddToCarts, rows[1].Purchases));
        Assert.Equal(2 * products[1].Price.Amount, rows[1].Revenue.Amount);
        Assert.Equal("IDR", rows[1].Revenue.Currency);
        Assert.Equal((3L, 0L, 0L), (rows[2].Impressions, rows[2].Clicks, rows[2].Purchases));
    }

    [Fact]
    public async Task A_pin_counts_one_impression_per_viewer_watching()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host, products: 2);
        await using var v1 = await Host.ConnectViewerAsync(Id("viewer"));
        await using var v2 = await Host.ConnectViewerAsync();
        await v1.JoinStreamAsync(stream.Id);
        await v2.JoinStreamAsync(stream.Id);
        await EventuallyAsync(() => creator.GetStreamAsync(stream.Id), s => s.ViewerCount == 2);
        await creator.PinAsync(stream.Id, products[1].Id);

        var analytics = await EventuallyAsync(
            () => creator.SendAsync<StreamAnalytics>(HttpMethod.Get, $"/api/streams/{stream.Id}/analytics", null),
            a => a.Products[1].Impressions >= 4);
        Assert.Equal(4, analytics.Products[1].Impressions);
        Assert.Equal(2, analytics.Products[0].Impressions);
        Assert.Equal(2, analytics.Viewers);
    }

    [Fact]
    public async Task Stream_figures_are_for_their_creator_and_admins_only()
    {
        var (stream, _, _) = await Catalog.LiveStreamAsync(Host, products: 1);
        var other = Host.Api(Id("creator"), "creator", "seller");
        foreach (var path in new[] { "analytics", "exposure", "suggestions" })
        {
            var refused = await Assert.ThrowsAsync<LiveApiException>(() =>
                other.SendAsync<object>(HttpMethod.Get, $"/api/streams/{stream.Id}/{path}", null));
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            var anonymous = await Assert.ThrowsAsync<LiveApiException>(() =>
                new LiveApiClient(Host.Http).SendAsync<object>(HttpMethod.Get, $"/api/streams/{stream.Id}/{path}", null));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        }

        var admin = Host.Api(Id("admin"), "admin");
        Assert.Single((await admin.SendAsync<StreamAnalytics>(HttpMethod.Get, $"/api/streams/{stream.Id}/analytics", null)).Products);
        var missing = await Assert.ThrowsAsync<LiveApiException>(() =>
            admin.SendAsync<object>(HttpMethod.Get, "/api/streams/no-such-stream/analytics", null));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task Sellers_see_only_their_own_products_and_a_platform_shop_sees_no_local_seller_figures()
    {
        var localId = Id("local");
        var platformId = Id("platform");
        var local = Host.Api(localId, "seller");
        var platform = Host.Api(platformId, "seller");
        var localProduct = await local.CreateProductAsync(Catalog.Product(kind: SellerKinds.LocalSme));
        var platformProduct = await platform.CreateProductAsync(Catalog.Product(kind: SellerKinds.Platform));
        var creatorId = Id("creator");
        var creator = Host.Api(creatorId, "creator");
        var stream = await creator.CreateStreamAsync(new CreateStreamRequest { Title = "Two shops", ProductIds = [localProduct.Id, platformProduct.Id] });
        await creator.StartStreamAsync(stream.Id);
        await using var viewer = await Host.ConnectViewerAsync(Id("viewer"));
        await viewer.JoinStreamAsync(stream.Id);
        await viewer.ViewProductAsync(stream.Id, localProduct.Id);
        await viewer.ViewProductAsync(stream.Id, localProduct.Id);
        await viewer.ViewProductAsync(stream.Id, platformProduct.Id);

        var own = await EventuallyAsync(
            () => local.SendAsync<SellerAnalytics>(HttpMethod.Get, $"/api/sellers/{localId}/analytics", null),
            a => a.Products.Sum(p => p.Clicks) == 2);
        Assert.Equal(localProduct.Id, Assert.Single(own.Products).ProductId);
        Assert.Equal((1L, 2L), (own.Products[0].Impressions, own.Products[0].Clicks));
        var platformOwn = await platform.SendAsync<SellerAnalytics>(HttpMethod.Get, $"/api/sellers/{platformId}/analytics", null);
        Assert.Equal(platformProduct.Id, Assert.Single(platformOwn.Products).ProductId);

        // Neither shop can read the other's figures, by seller or through the stream they are sold in.
        foreach (var (caller, path) in new[]
        {
            (platform, $"/api/sellers/{localId}/analytics"),
            (local, $"/api/sellers/{platformId}/analytics"),
            (platform, $"/api/streams/{stream.Id}/analytics"),
            (platform, $"/api/streams/{stream.Id}/exposure"),
            (local, $"/api/streams/{stream.Id}/analytics"),
            (creator, $"/api/sellers/{localId}/analytics"),
        })
        {
            var refused = await Assert.ThrowsAsync<LiveApiException>(() => caller.SendAsync<object>(HttpMethod.Get, path, null));
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        }

        var admin = Host.Api(Id("admin"), "admin");
        Assert.Equal(2, (await admin.SendAsync<SellerAnalytics>(HttpMethod.Get, $"/api/sellers/{localId}/analytics", null)).Products[0].Clicks);

        // The platform product's click may land in a later batch than the local product's two.
        var exposure = await EventuallyAsync(
            () => creator.SendAsync<StreamExposure>(HttpMethod.Get, $"/api/streams/{stream.Id}/exposure", null),
            e => e.BySellerKind.Sum(k => k.Clicks) == 3);
        var kinds = exposure.BySellerKind.ToDictionary(k => k.SellerKind);
        Assert.Equal((1L, 2L), (kinds[SellerKinds.LocalSme].Impressions, kinds[SellerKinds.LocalSme].Clicks));
        Assert.Equal((1L, 1L), (kinds[SellerKinds.Platform].Impressions, kinds[SellerKinds.Platform].Clicks));
        Assert.Equal(0.5, kinds[SellerKinds.LocalSme].ImpressionShare, 9);
        Assert.Equal(2.0 / 3, kinds[SellerKinds.LocalSme].ClickShare, 9);
        Assert.Equal(0, kinds[SellerKinds.Brand].Impressions);
    }

    [Fact]
    public async Task A_viewers_ranked_list_keeps_the_local_seller_floor_and_never_lifts_platform_products()
    {
        // A verified local shop, a shop verified as the platform's own (its products labelled brand), and a brand.
        var (localId, platformId, brandId) = (Id("local"), Id("platform"), Id("brand"));
        var admin = Host.Api(Id("admin"), "admin");
        await admin.VerifySellerAsync(localId, SellerKinds.LocalSme);
        await admin.VerifySellerAsync(platformId, SellerKinds.Platform);
        var products = new List<Product>();
        for (var i = 0; i < 10; i++)
        {
            var (owner, kind) = i < 3 ? (localId, SellerKinds.LocalSme) : i < 7 ? (platformId, SellerKinds.Brand) : (brandId, SellerKinds.Brand);
            products.Add(await Host.Api(owner, "seller").CreateProductAsync(Catalog.Product(price: 100_000 + (i * 25_000), kind: kind)));
        }

        var creator = Host.Api(Id("creator"), "creator");
        var stream = await creator.CreateStreamAsync(new CreateStreamRequest { Title = "Floor", ProductIds = [.. products.Select(p => p.Id)] });
        await creator.StartStreamAsync(stream.Id);

        // Teach the model that platform products get opened, so scores alone would put them first.
        for (var v = 0; v < 4; v++)
        {
            await using var fan = await Host.ConnectViewerAsync(Id("fan"));
            await fan.JoinStreamAsync(stream.Id);
            foreach (var product in products.Skip(3).Take(4))
            {
                await fan.ViewProductAsync(stream.Id, product.Id);
                await fan.ViewProductAsync(stream.Id, product.Id);
            }

            await fan.LeaveStreamAsync(stream.Id);
        }

        await Host.Services.GetRequiredService<RankingSync>().SyncAsync(closeAll: true);
        await using var viewer = await Host.ConnectViewerAsync(Id("viewer"));
        var snapshot = await viewer.JoinStreamAsync(stream.Id);
        var kinds = snapshot.Products.Select(p => p.SellerKindVerified ? p.SellerKind : "unverified").ToList();
        Assert.Equal(10, kinds.Count);
        for (var k = 1; k <= kinds.Count; k++)
        {
            var local = kinds.Take(k).Count(kind => kind == SellerKinds.LocalSme);
            Assert.True(local >= Math.Min(3, (int)Math.Floor(0.3 * k)), $"prefix {k} holds {local} local-sme products: {string.Join(",", kinds)}");
        }

        // The same candidates through the engine's model: with the floor, no platform product ranks above its pure score position.
        var candidates = (await Host.Services.GetRequiredService<CandidateSource>().GetAsync(stream.Id)).Candidates;
        Assert.Equal(4, candidates.Count(c => c.SellerKind == SellerKind.Platform));
        Assert.Equal(3, candidates.Count(c => c.SellerKind == SellerKind.LocalSme));
        var model = Host.Services.GetRequiredService<SharedRankingModel>();
        var fair = model.Rank(candidates, new RankingContext { LocalSellerExposureFloor = 0.3 });
        var pure = model.Rank(candidates, new RankingContext { LocalSellerExposureFloor = 0 });
        for (var i = 0; i < fair.Length; i++)
        {
            if (candidates[fair[i].CandidateIndex].SellerKind == SellerKind.Platform)
            {
                Assert.True(i >= Array.FindIndex(pure, r => r.ProductId == fair[i].ProductId), "a platform product was lifted");
            }
        }
    }

    [Fact]
    public async Task Suggestions_name_products_to_pin_with_reasons_and_the_bandit_learns_from_clicks()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host, products: 4);
        await creator.PinAsync(stream.Id, products[0].Id);
        var grain = Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRankingModelGrain>("global");
        var before = (await grain.GetAsync()).UpdateCount;

        await using var viewer = await Host.ConnectViewerAsync(Id("viewer"));
        await viewer.JoinStreamAsync(stream.Id);
        await viewer.ViewProductAsync(stream.Id, products[2].Id);
        await viewer.LeaveStreamAsync(stream.Id);
        await Host.Services.GetRequiredService<RankingSync>().SyncAsync(closeAll: true);
        Assert.True((await grain.GetAsync()).UpdateCount > before, "the shared model learned from the viewer's list and click");

        var suggestions = await creator.SendAsync<List<PinSuggestion>>(HttpMethod.Get, $"/api/streams/{stream.Id}/suggestions", null);
        Assert.NotEmpty(suggestions);
        Assert.DoesNotContain(suggestions, s => s.ProductId == products[0].Id);
        Assert.All(suggestions, s => Assert.NotEmpty(s.Reasons));
        Assert.Contains(suggestions, s => s.Reasons.Contains("not pinned yet"));
    }

    [Fact]
    public async Task Viewing_a_product_needs_a_joined_stream_and_a_listed_product_and_keeps_the_connection()
    {
        var (stream, products, _) = await Catalog.LiveStreamAsync(Host, products: 1);
        var (_, strangers, _) = await Catalog.LiveStreamAsync(Host, products: 1);
        await using var viewer = await Host.ConnectViewerAsync();
        await Assert.ThrowsAsync<HubException>(() => viewer.ViewProductAsync(stream.Id, products[0].Id));
        await viewer.JoinStreamAsync(stream.Id);
        await Assert.ThrowsAsync<HubException>(() => viewer.ViewProductAsync(stream.Id, strangers[0].Id));
        await Assert.ThrowsAsync<HubException>(() => viewer.ViewProductAsync(stream.Id, new string('x', 65)));
        await viewer.ViewProductAsync(stream.Id, products[0].Id);
        Assert.True(viewer.IsConnected);
    }

    [Fact]
    public async Task Clicks_from_every_surface_count_in_analytics_and_only_list_clicks_feed_the_ranker_on_both_protocols()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host, products: 3);
        await using var json = await Host.ConnectViewerAsync(Id("viewer"));
        await using var pack = await Host.ConnectViewerAsync(Id("viewer"), HubProtocol.MessagePack);
        await json.JoinStreamAsync(stream.Id);
        await pack.JoinStreamAsync(stream.Id);

        await json.ViewProductAsync(stream.Id, products[0].Id);
        await json.ViewProductAsync(stream.Id, products[1].Id, "pinned");
        await pack.ViewProductAsync(stream.Id, products[0].Id, "list");
        await pack.ViewProductAsync(stream.Id, products[2].Id, "chat");
        await pack.ViewProductAsync(stream.Id, products[2].Id);
        await json.ViewProductAsync(stream.Id, products[1].Id, "offer");
        foreach (var viewer in new[] { json, pack })
        {
            foreach (var bad in new[] { "LIST", "banner", " list", new string('x', 5000) })
            {
                var error = await Assert.ThrowsAsync<HubException>(() => viewer.ViewProductAsync(stream.Id, products[0].Id, bad));
                Assert.Contains("surface", error.Message, StringComparison.Ordinal);
            }

            Assert.True(viewer.IsConnected);
        }

        var analytics = await EventuallyAsync(
            () => creator.SendAsync<StreamAnalytics>(HttpMethod.Get, $"/api/streams/{stream.Id}/analytics", null),
            a => a.Products.Sum(p => p.Clicks) == 6);
        Assert.Equal([2L, 2L, 2L], analytics.Products.Select(p => p.Clicks).ToArray());
        var figures = await Host.Services.GetRequiredService<LiveCommerce.Engagement.IEngagementStore>()
            .GetStreamProductsAsync(stream.Id, [.. products.Select(p => p.Id)]);
        Assert.Equal([2L, 0L, 1L], figures.Select(f => f.ListClicks).ToArray());
        Assert.All(figures, f => Assert.Equal(2, f.PositionImpressions.Sum()));
        Assert.Equal(1L, figures[2].PositionClicks.Sum());

        // Examination shares: two ranked lists of three, weighted 1, 0.63, 0.5 by position.
        var exposure = await creator.SendAsync<StreamExposure>(HttpMethod.Get, $"/api/streams/{stream.Id}/exposure", null);
        Assert.Equal(1.0, exposure.BySellerKind.Sum(k => k.ExaminationShare), 9);
    }

    [Fact]
    public async Task The_ranking_log_holds_each_list_shown_with_its_clicks_and_a_draw_that_its_seed_reproduces()
    {
        var (stream, products, _) = await Catalog.LiveStreamAsync(Host, products: 6);
        var viewerId = Id("viewer");
        await using (var viewer = await Host.ConnectViewerAsync(viewerId))
        {
            var shown = await viewer.JoinStreamAsync(stream.Id);
            await viewer.ViewProductAsync(stream.Id, shown.Products[2].ProductId);
            await viewer.ViewProductAsync(stream.Id, shown.Products[4].ProductId, "pinned");
            await viewer.LeaveStreamAsync(stream.Id);
        }

        using var http = new HttpClient { BaseAddress = Host.BaseAddress };
        async Task<HttpResponseMessage> ExportAsync(string roles, string query = "")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/ranking-log" + query);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.For(Id("who"), roles));
            return await http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await ExportAsync("creator")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ExportAsync("admin", "?count=0")).StatusCode);
        var record = await EventuallyAsync(
            async () => (await (await ExportAsync("admin")).Content.ReadAsStringAsync())
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(LiveCommerce.Ranking.Policy.RankedListLogJson.FromJson)
                .FirstOrDefault(r => r.StreamId == stream.Id),
            r => r is not null);
        Assert.NotNull(record);
        Assert.Equal(viewerId, record.ViewerId);
        Assert.Equal(6, record.Items.Count);
        Assert.Equal([3], record.Clicks);
        Assert.All(record.Items, i => Assert.InRange(i.ChoiceProbability, 1e-12, 1.0));

        // Re-drawing with the logged scores, temperature, floor and the list id's seed gives the order shown.
        var policy = new LiveCommerce.Ranking.Policy.StochasticRankingPolicy();
        var scores = record.Items.Select(i => i.Score).ToArray();
        var kinds = record.Items.Select(i => i.SellerKind ?? SellerKind.Brand).ToArray();
        var order = new int[scores.Length];
        policy.Rank(scores, kinds, record.Temperature, record.Floor, record.ListId, order, []);
        Assert.Equal(Enumerable.Range(1, scores.Length), order.Select(i => record.Items[i].Position));
    }

    [Fact]
    public async Task Revenue_past_the_64_bit_range_saturates_and_the_engine_keeps_running_and_answering()
    {
        var (stream, _, creator) = await Catalog.LiveStreamAsync(Host, products: 0);
        var product = await creator.CreateProductAsync(Catalog.Product(price: LiveCommerce.Contracts.Pricing.Money.MaxAmount, stock: 3));
        await creator.AddProductAsync(stream.Id, product.Id);
        for (var i = 0; i < 3; i++)
        {
            await using var buyer = await Host.ConnectViewerAsync(Id("buyer"));
            await buyer.JoinStreamAsync(stream.Id);
            await buyer.AddToCartAsync(stream.Id, product.Id, 1);
            await buyer.CheckoutAsync(Guid.NewGuid().ToString("N"));
        }

        // Engagement no order can reach today: three purchases of 5 * 10^18 IDR (their sum passes 2^63) and a
        // reaction count at the 64-bit limit, straight into the engine's own recorder.
        var recorder = Host.Services.GetRequiredService<LiveCommerce.Engagement.IEngagementRecorder>();
        var facts = new LiveCommerce.Engagement.ProductFacts(product.Id, product.SellerId, product.SellerKind, product.Category);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(recorder.Record(LiveCommerce.Engagement.EngagementEvent.Purchase(
                stream.Id, facts, Id("buyer"), 1, 5_000_000_000_000_000_000, "IDR", DateTimeOffset.UtcNow)));
        }

        Assert.True(recorder.Record(LiveCommerce.Engagement.EngagementEvent.Stream(
            LiveCommerce.Engagement.EngagementKind.Reaction, stream.Id, Id("viewer"), false, DateTimeOffset.UtcNow) with { Count = long.MaxValue }));

        var analytics = await EventuallyAsync(
            () => creator.SendAsync<StreamAnalytics>(HttpMethod.Get, $"/api/streams/{stream.Id}/analytics", null),
            a => a.Products[0].Purchases == 6 && a.Reactions == long.MaxValue);
        Assert.Equal((6L, long.MaxValue, "IDR"), (analytics.Products[0].Purchases, analytics.Products[0].Revenue.Amount, analytics.Products[0].Revenue.Currency));
        Assert.Equal(long.MaxValue, analytics.Reactions);

        // The host did not stop, answers, and its background loops still run: a later click is counted.
        Assert.False(Host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        await using var viewer = await Host.ConnectViewerAsync(Id("viewer"));
        Assert.Single((await viewer.JoinStreamAsync(stream.Id)).Products);
        await viewer.ViewProductAsync(stream.Id, product.Id);
        var after = await EventuallyAsync(
            () => creator.SendAsync<StreamAnalytics>(HttpMethod.Get, $"/api/streams/{stream.Id}/analytics", null),
            a => a.Products[0].Clicks == 1);
        Assert.Equal((1L, long.MaxValue), (after.Products[0].Clicks, after.Products[0].Revenue.Amount));
        Assert.NotNull(await creator.CreateProductAsync(Catalog.Product()));
    }

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds (the pipeline writes asynchronously).</summary>
    protected static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A fresh id.</summary>
    protected static string Id(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
