using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using MessagePack;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>
/// The engine's behaviour seen from outside: real HTTP and real SignalR clients over loopback sockets against
/// the real host. Run once against the embedded default and once in cluster mode against Redis.
/// </summary>
public abstract class EngineScenarios
{
    /// <summary>The host under test.</summary>
    protected abstract EngineHost Host { get; }

    [Fact]
    public async Task A_pin_reaches_every_one_of_a_hundred_viewers_in_both_protocols_and_so_does_the_unpin()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var viewers = new List<(LiveViewerClient Client, Inbox<ProductCard> Pins, Inbox<ProductUnpinned> Unpins)>();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
            {
                var client = await Host.ConnectViewerAsync(protocol: i % 2 == 0 ? HubProtocol.Json : HubProtocol.MessagePack);
                var pins = new Inbox<ProductCard>();
                var unpins = new Inbox<ProductUnpinned>();
                client.ProductPinned += pins.Add;
                client.ProductUnpinned += unpins.Add;
                await client.JoinStreamAsync(stream.Id);
                lock (viewers)
                {
                    viewers.Add((client, pins, unpins));
                }
            }));

            var pinned = await creator.PinAsync(stream.Id, products[1].Id);
            var received = await Task.WhenAll(viewers.Select(v => v.Pins.WaitForAsync(card => card.ProductId == products[1].Id)));
            Assert.Equal(100, received.Length);
            Assert.All(received, card =>
            {
                Assert.Equal(pinned, card);
                Assert.Equal(products[1].Price, card.Price);
                Assert.Equal(stream.Id, card.StreamId);
            });

            await creator.UnpinAsync(stream.Id);
            await Task.WhenAll(viewers.Select(v => v.Unpins.WaitForAsync(e => e.StreamId == stream.Id)));
            Assert.Null((await creator.GetStreamAsync(stream.Id)).Pinned);
        }
        finally
        {
            await Task.WhenAll(viewers.Select(v => v.Client.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_late_joiner_gets_the_current_pin_and_the_stream_in_its_snapshot()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host, products: 3);
        await creator.PinAsync(stream.Id, products[2].Id);

        await using var late = await Host.ConnectViewerAsync(protocol: HubProtocol.MessagePack);
        var snapshot = await late.JoinStreamAsync(stream.Id);

        Assert.Equal(stream.Id, snapshot.Id);
        Assert.Equal(StreamStatus.Live, snapshot.Status);
        Assert.Equal(stream.CreatorId, snapshot.CreatorId);
        Assert.Equal(products[2].Id, snapshot.Pinned?.ProductId);
        Assert.Equal(products.Select(p => p.Id).Order(), snapshot.Products.Select(p => p.ProductId).Order());
        Assert.Empty(snapshot.Offers);
        // The same snapshot as over HTTP, except that the viewer's products are in the order ranked for them.
        var overHttp = await creator.GetStreamAsync(stream.Id) with { ViewerCount = snapshot.ViewerCount };
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(snapshot with { Products = [.. snapshot.Products.OrderBy(p => p.ProductId, StringComparer.Ordinal)] }, LiveCommerce.Contracts.Serialization.LiveJson.Options),
            System.Text.Json.JsonSerializer.Serialize(overHttp with { Products = [.. overHttp.Products.OrderBy(p => p.ProductId, StringComparer.Ordinal)] }, LiveCommerce.Contracts.Serialization.LiveJson.Options));
    }

    [Fact]
    public async Task Over_MessagePack_an_event_carries_the_same_camelCase_field_names_as_JSON()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        await using var raw = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.BaseAddress, HubMethods.Path))
            .AddMessagePackProtocol(options => options.SerializerOptions = MessagePackSerializerOptions.Standard)
            .Build();
        var received = new TaskCompletionSource<Dictionary<object, object>>(TaskCreationOptions.RunContinuationsAsynchronously);
        raw.On<Dictionary<object, object>>(HubEvents.ProductPinned, received.SetResult);
        await raw.StartAsync();
        await raw.InvokeAsync<Dictionary<object, object>>(HubMethods.JoinStream, stream.Id);

        await creator.PinAsync(stream.Id, products[0].Id);
        var card = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(products[0].Id, card["productId"]);
        Assert.Equal(stream.Id, card["streamId"]);
        var price = Assert.IsType<Dictionary<object, object>>(card["price"]);
        Assert.Equal(products[0].Price.Amount, Convert.ToInt64(price["amount"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("IDR", price["currency"]);
        Assert.Contains("sellerKind", card.Keys);
    }

    [Fact]
    public async Task Comments_reach_every_viewer_trimmed_and_bad_comments_are_refused_without_dropping_the_connection()
    {
        var (stream, _, _) = await Catalog.LiveStreamAsync(Host);
        await using var author = await Host.ConnectViewerAsync("commenter-" + Guid.NewGuid().ToString("N")[..6]);
        await using var watcher = await Host.ConnectViewerAsync(protocol: HubProtocol.MessagePack);
        var comments = new Inbox<CommentPosted>();
        watcher.CommentPosted += comments.Add;
        await author.JoinStreamAsync(stream.Id);
        await watcher.JoinStreamAsync(stream.Id);

        await author.CommentAsync(stream.Id, "  Bagus sekali!  ");
        var posted = await comments.WaitForAsync(c => c.StreamId == stream.Id);
        Assert.Equal("Bagus sekali!", posted.Text);

        var empty = await Assert.ThrowsAsync<HubException>(() => author.CommentAsync(stream.Id, "   "));
        Assert.Contains("empty", empty.Message, StringComparison.OrdinalIgnoreCase);
        var tooLong = await Assert.ThrowsAsync<HubException>(() => author.CommentAsync(stream.Id, new string('x', LiveCommerce.Silo.Realtime.LiveHub.MaxCommentLength + 1)));
        Assert.Contains("500", tooLong.Message, StringComparison.Ordinal);
        var anonymous = await Assert.ThrowsAsync<HubException>(() => watcher.CommentAsync(stream.Id, "hello"));
        Assert.Contains("Sign in", anonymous.Message, StringComparison.Ordinal);

        Assert.True(author.IsConnected);
        Assert.True(watcher.IsConnected);
        Assert.Equal(stream.Id, (await author.JoinStreamAsync(stream.Id)).Id);
        Assert.Single(comments.Items);
    }

    [Fact]
    public async Task Commenting_and_reacting_faster_than_the_limit_is_refused_and_the_connection_stays_usable()
    {
        var (stream, _, _) = await Catalog.LiveStreamAsync(Host);
        await using var viewer = await Host.ConnectViewerAsync("fast-" + Guid.NewGuid().ToString("N")[..6]);
        await viewer.JoinStreamAsync(stream.Id);

        var commentErrors = new List<HubException>();
        for (var i = 0; i < 8; i++)
        {
            try
            {
                await viewer.CommentAsync(stream.Id, $"comment {i}");
            }
            catch (HubException error)
            {
                commentErrors.Add(error);
            }
        }

        var reactionErrors = new List<HubException>();
        for (var i = 0; i < 40; i++)
        {
            try
            {
                await viewer.ReactAsync(stream.Id, "fire");
            }
            catch (HubException error)
            {
                reactionErrors.Add(error);
            }
        }

        Assert.NotEmpty(commentErrors);
        Assert.All(commentErrors, e => Assert.Contains("too fast", e.Message, StringComparison.Ordinal));
        Assert.NotEmpty(reactionErrors);
        Assert.All(reactionErrors, e => Assert.Contains("too fast", e.Message, StringComparison.Ordinal));
        Assert.True(viewer.IsConnected);
        Assert.Equal(stream.Id, (await viewer.JoinStreamAsync(stream.Id)).Id);
    }

    [Fact]
    public async Task Bad_hub_calls_get_a_HubException_and_leave_the_connection_usable()
    {
        var (stream, _, _) = await Catalog.LiveStreamAsync(Host);
        await using var viewer = await Host.ConnectViewerAsync("bad-" + Guid.NewGuid().ToString("N")[..6]);

        var unknown = await Assert.ThrowsAsync<HubException>(() => viewer.JoinStreamAsync("no-such-stream"));
        Assert.Contains("not found", unknown.Message, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAsync<HubException>(() => viewer.JoinStreamAsync(new string('s', 300)));
        await Assert.ThrowsAsync<HubException>(() => viewer.ReactAsync(stream.Id, "fire"));
        await viewer.JoinStreamAsync(stream.Id);
        var kind = await Assert.ThrowsAsync<HubException>(() => viewer.ReactAsync(stream.Id, "boo"));
        Assert.Contains("like", kind.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => viewer.InvokeAsync<object>("NoSuchMethod", []));
        await Assert.ThrowsAnyAsync<Exception>(() => viewer.InvokeAsync<object>(HubMethods.JoinStream, [42, "extra"]));

        Assert.True(viewer.IsConnected);
        await viewer.ReactAsync(stream.Id, "heart");
        Assert.Equal(stream.Id, (await viewer.JoinStreamAsync(stream.Id)).Id);
    }

    [Fact]
    public async Task The_viewer_count_is_folded_and_pushed_to_viewers()
    {
        var (stream, _, _) = await Catalog.LiveStreamAsync(Host);
        var counts = new Inbox<ViewerCount>();
        await using var first = await Host.ConnectViewerAsync();
        first.ViewerCount += counts.Add;
        await first.JoinStreamAsync(stream.Id);
        await using var second = await Host.ConnectViewerAsync();
        await using var third = await Host.ConnectViewerAsync(protocol: HubProtocol.MessagePack);
        await second.JoinStreamAsync(stream.Id);
        await third.JoinStreamAsync(stream.Id);

        await counts.WaitForAsync(c => c.StreamId == stream.Id && c.Count == 3);
        var later = new Inbox<ViewerCount>();
        first.ViewerCount += later.Add;
        await third.LeaveStreamAsync(stream.Id);
        await second.DisposeAsync();
        await later.WaitForAsync(c => c.StreamId == stream.Id && c.Count == 1);
        Assert.Equal(1, (await Host.Api("anyone").GetStreamAsync(stream.Id)).ViewerCount);
    }

    [Fact]
    public async Task Ending_a_stream_tells_every_viewer_and_freezes_it()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        await using var viewer = await Host.ConnectViewerAsync(protocol: HubProtocol.MessagePack);
        var ended = new Inbox<StreamEnded>();
        viewer.StreamEnded += ended.Add;
        await viewer.JoinStreamAsync(stream.Id);

        var result = await creator.EndStreamAsync(stream.Id);
        Assert.Equal(StreamStatus.Ended, result.Status);
        await ended.WaitForAsync(e => e.StreamId == stream.Id);

        var pin = await Assert.ThrowsAsync<LiveApiException>(() => creator.PinAsync(stream.Id, products[0].Id));
        Assert.Equal(HttpStatusCode.Conflict, pin.Status);
        var restart = await Assert.ThrowsAsync<LiveApiException>(() => creator.StartStreamAsync(stream.Id));
        Assert.Equal(HttpStatusCode.Conflict, restart.Status);
    }

    public static TheoryData<string, string> InvalidProducts => new()
    {
        { """{"name":"Batik","price":{"amount":1000,"currency":"IDR"},"stock":1}""", "sku" },
        { """{"sku":"A1","name":"  ","price":{"amount":1000,"currency":"IDR"},"stock":1}""", "name" },
        { """{"sku":"A1","name":"Batik","stock":1}""", "price" },
        { """{"sku":"A1","name":"Batik","price":{"amount":-1,"currency":"IDR"},"stock":1}""", "price.amount" },
        { """{"sku":"A1","name":"Batik","price":{"amount":1000,"currency":"XYZ"},"stock":1}""", "price.currency" },
        { """{"sku":"A1","name":"Batik","price":{"amount":1000,"currency":"idr"},"stock":1}""", "price.currency" },
        { """{"sku":"A1","name":"Batik","price":{"amount":1000,"currency":"IDR"},"stock":-5}""", "stock" },
        { """{"sku":"A1","name":"Batik","price":{"amount":1000,"currency":"IDR"}}""", "stock" },
        { """{"sku":"A1","name":"Batik","price":{"amount":1000,"currency":"IDR"},"stock":1,"sellerKind":"mega"}""", "sellerKind" },
        { """{"sku":"A1","name":"Batik","price":{"amount":1000,"currency":"IDR"},"stock":1,"origin":"Indonesia"}""", "origin" },
        { """{"sku":"A1","name":"Batik","price":{"amount":1000,"currency":"IDR"},"stock":1,"imageUrl":"ftp://x/y.png"}""", "imageUrl" },
        { "{\"sku\":\"A1\",\"name\":\"" + new string('n', 201) + "\",\"price\":{\"amount\":1000,\"currency\":\"IDR\"},\"stock\":1}", "name" },
        { """{"sku":"A1","name":"Batik","price":{"amount":10.5,"currency":"USD"},"stock":1}""", "" },
        { """{"sku":"A1","name":"Batik","price":{"amount":"ten","currency":"USD"},"stock":1}""", "" },
        { """{"sku":"A1",""", "" },
    };

    [Theory]
    [MemberData(nameof(InvalidProducts))]
    public async Task An_invalid_product_is_a_400_problem_and_creates_nothing(string body, string field)
    {
        var seller = "seller-" + Guid.NewGuid().ToString("N")[..8];
        var token = TestTokens.For(seller, "seller");
        using var response = await PostJsonAsync("/api/products", body, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        if (field.Length > 0)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {problem}");
        }

        // Nothing was created: the seller's catalog is still empty, so the same SKU is free.
        var ids = await Host.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<LiveCommerce.Abstractions.Products.ISellerCatalogGrain>(seller).GetProductIdsAsync();
        Assert.Empty(ids);
        var valid = Catalog.Product() with { Sku = "A1" };
        Assert.Equal("A1", (await Host.Api(seller, "seller").CreateProductAsync(valid)).Sku);
    }

    [Fact]
    public async Task A_product_round_trips_with_its_seller_and_stock_and_a_SKU_is_unique_per_seller()
    {
        var seller = "seller-" + Guid.NewGuid().ToString("N")[..8];
        var api = Host.Api(seller, "seller");
        var request = Catalog.Product(price: 129_000, stock: 7);
        var created = await api.CreateProductAsync(request);

        var read = await Host.Api("someone-else").GetProductAsync(created.Id);
        Assert.Equal(seller, read.SellerId);
        Assert.Equal(7, read.Stock);
        Assert.Equal(129_000, read.Price.Amount);
        Assert.Equal(SellerKinds.LocalSme, read.SellerKind);

        var again = await Assert.ThrowsAsync<LiveApiException>(() => api.CreateProductAsync(request with { Name = "Other" }));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        var otherSeller = await Host.Api("seller-" + Guid.NewGuid().ToString("N")[..8], "seller").CreateProductAsync(request);
        Assert.NotEqual(created.Id, otherSeller.Id);
    }

    [Fact]
    public async Task A_sellers_products_are_listed_for_the_seller_and_by_seller_id()
    {
        var seller = "seller-" + Guid.NewGuid().ToString("N")[..8];
        var api = Host.Api(seller, "seller");
        var first = await api.CreateProductAsync(Catalog.Product());
        var second = await api.CreateProductAsync(Catalog.Product());

        Assert.Equal([first.Id, second.Id], (await api.ListProductsAsync()).Select(p => p.Id));
        Assert.Equal([second.Id], (await Host.Api("someone").ListProductsAsync(seller, page: 2, pageSize: 1)).Select(p => p.Id));
        Assert.Empty(await api.ListProductsAsync("nobody-" + Guid.NewGuid().ToString("N")[..6]));
        using var anonymous = await Host.Http.GetAsync("/api/products");
        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        var creator = Host.Api("creator-" + Guid.NewGuid().ToString("N")[..8], "creator");
        var product = await Assert.ThrowsAsync<LiveApiException>(() => creator.GetProductAsync("missing"));
        Assert.Equal(HttpStatusCode.NotFound, product.Status);
        var stream = await Assert.ThrowsAsync<LiveApiException>(() => creator.GetStreamAsync("missing"));
        Assert.Equal(HttpStatusCode.NotFound, stream.Status);
        var pin = await Assert.ThrowsAsync<LiveApiException>(() => creator.PinAsync("missing", "missing"));
        Assert.Equal(HttpStatusCode.NotFound, pin.Status);
        var create = await Assert.ThrowsAsync<LiveApiException>(() =>
            creator.CreateStreamAsync(new CreateStreamRequest { Title = "x", ProductIds = ["missing"] }));
        Assert.Equal(HttpStatusCode.NotFound, create.Status);

        var (live, _, owner) = await Catalog.LiveStreamAsync(Host);
        var add = await Assert.ThrowsAsync<LiveApiException>(() => owner.AddProductAsync(live.Id, "missing"));
        Assert.Equal(HttpStatusCode.NotFound, add.Status);
    }

    [Fact]
    public async Task Pins_take_only_listed_products_until_the_product_is_added()
    {
        var (stream, _, creator) = await Catalog.LiveStreamAsync(Host);
        var extra = await creator.CreateProductAsync(Catalog.Product());

        var refused = await Assert.ThrowsAsync<LiveApiException>(() => creator.PinAsync(stream.Id, extra.Id));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Null((await creator.GetStreamAsync(stream.Id)).Pinned);

        await creator.AddProductAsync(stream.Id, extra.Id);
        Assert.Equal(extra.Id, (await creator.PinAsync(stream.Id, extra.Id)).ProductId);
    }

    [Fact]
    public async Task Someone_elses_stream_is_a_403_and_stays_unchanged()
    {
        var (stream, products, _) = await Catalog.LiveStreamAsync(Host, start: false);
        var intruder = Host.Api("creator-" + Guid.NewGuid().ToString("N")[..8], "creator");

        foreach (var attempt in new Func<Task>[]
        {
            () => intruder.PinAsync(stream.Id, products[0].Id),
            () => intruder.UnpinAsync(stream.Id),
            () => intruder.StartStreamAsync(stream.Id),
            () => intruder.EndStreamAsync(stream.Id),
            () => intruder.AddProductAsync(stream.Id, products[0].Id),
        })
        {
            var error = await Assert.ThrowsAsync<LiveApiException>(attempt);
            Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        }

        var after = await intruder.GetStreamAsync(stream.Id);
        Assert.Equal(StreamStatus.Scheduled, after.Status);
        Assert.Null(after.Pinned);
    }

    [Fact]
    public async Task Roles_decide_who_creates_products_and_streams()
    {
        var viewer = Host.Api("viewer-" + Guid.NewGuid().ToString("N")[..8], "viewer");
        var product = await Assert.ThrowsAsync<LiveApiException>(() => viewer.CreateProductAsync(Catalog.Product()));
        Assert.Equal(HttpStatusCode.Forbidden, product.Status);
        var seller = Host.Api("seller-" + Guid.NewGuid().ToString("N")[..8], "seller");
        var stream = await Assert.ThrowsAsync<LiveApiException>(() => seller.CreateStreamAsync(new CreateStreamRequest { Title = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, stream.Status);
    }

    [Fact]
    public async Task Missing_expired_wrongly_signed_and_subjectless_tokens_are_401_problems_on_HTTP_and_on_the_hub()
    {
        var body = """{"title":"Sale"}""";
        string[] noOne = [TestTokens.For("", "creator"), TestTokens.For("   ", "creator"), TestTokens.For(new string('u', 65), "creator"), TestTokens.For("a\u0001b", "creator")];
        foreach (var token in new[] { null, TestTokens.Expired("c1", "creator"), TestTokens.WronglySigned("c1", "creator"), "not-a-jwt" }.Concat(noOne))
        {
            using var response = await PostJsonAsync("/api/streams", body, token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var orders = await GetAsync("/api/orders", token);
            Assert.Equal(HttpStatusCode.Unauthorized, orders.StatusCode);
        }

        foreach (var token in new[] { TestTokens.Expired("v1", "viewer"), TestTokens.WronglySigned("v1", "viewer"), TestTokens.For("", "viewer") })
        {
            var client = new LiveViewerClient(new LiveClientOptions
            {
                BaseAddress = Host.BaseAddress,
                AccessTokenProvider = () => Task.FromResult<string?>(token),
                AutoReconnect = false,
            });
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Invalid_streams_are_400_problems()
    {
        var creator = "creator-" + Guid.NewGuid().ToString("N")[..8];
        var token = TestTokens.For(creator, "creator");
        foreach (var body in new[] { """{"title":""}""", """{"productIds":[]}""", """{"title":"ok","videoUrl":"javascript:alert(1)"}""", """{"title":"ok","productIds":[""]}""" })
        {
            using var response = await PostJsonAsync("/api/streams", body, token);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_stream_directory_lists_scheduled_and_live_streams_and_drops_ended_ones()
    {
        var (stream, _, creator) = await Catalog.LiveStreamAsync(Host, start: false);
        var mine = await creator.ListStreamsAsync(stream.CreatorId);
        Assert.Equal(StreamStatus.Scheduled, Assert.Single(mine).Status);

        await creator.StartStreamAsync(stream.Id);
        var live = Assert.Single(await creator.ListStreamsAsync(stream.CreatorId));
        Assert.Equal(StreamStatus.Live, live.Status);
        Assert.Contains(await Host.Api("anyone").ListStreamsAsync(), s => s.Id == stream.Id);

        await creator.EndStreamAsync(stream.Id);
        Assert.Empty(await creator.ListStreamsAsync(stream.CreatorId));
    }

    [Fact]
    public async Task After_its_connection_drops_a_viewer_reconnects_rejoins_and_sees_the_pin_it_missed()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        await using var proxy = new TcpProxy(Host.BaseAddress);
        await using var viewer = new LiveViewerClient(new LiveClientOptions
        {
            BaseAddress = proxy.Address,
            Protocol = HubProtocol.MessagePack,
            ReconnectDelays = [TimeSpan.FromMilliseconds(500)],
        });
        var rejoined = new Inbox<StreamSnapshot>();
        var reconnecting = new Inbox<string>();
        viewer.Rejoined += rejoined.Add;
        viewer.Reconnecting += () => reconnecting.Add("reconnecting");
        await viewer.StartAsync();
        Assert.Null((await viewer.JoinStreamAsync(stream.Id)).Pinned);

        proxy.DropAll();
        await reconnecting.WaitForAsync(_ => true);
        await creator.PinAsync(stream.Id, products[1].Id);

        var snapshot = await rejoined.WaitForAsync(s => s.Id == stream.Id);
        Assert.Equal(products[1].Id, snapshot.Pinned?.ProductId);
        Assert.True(viewer.IsConnected);
        var pins = new Inbox<ProductCard>();
        viewer.ProductPinned += pins.Add;
        await creator.PinAsync(stream.Id, products[0].Id);
        await pins.WaitForAsync(card => card.ProductId == products[0].Id);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var live = await Host.Http.GetAsync("/health/live");
        using var ready = await Host.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string path, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Host.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Host.Http.SendAsync(request);
    }
}
