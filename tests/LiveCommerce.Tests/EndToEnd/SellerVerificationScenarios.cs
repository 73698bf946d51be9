using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Sellers;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Sellers;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>
/// Contract v2 seller verification (<c>/api/sellers/{sellerId}/verification</c>) through real HTTP and hub clients:
/// who may call it, bad input, and what products, stream snapshots and pins show before and after a
/// verification, a replacement and a revocation; run in both modes.
/// </summary>
public abstract class SellerVerificationScenarios
{
    /// <summary>How long a stream snapshot may take to show a verification (its cards are cached for a second).</summary>
    private static readonly TimeSpan CardDeadline = TimeSpan.FromSeconds(5);

    /// <summary>The host under test.</summary>
    protected abstract EngineHost Host { get; }

    /// <summary>Where the scenarios report what they measured.</summary>
    protected abstract ITestOutputHelper Output { get; }

    private LiveApiClient Admin => Host.Api("platform-admin", "admin");

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static string Path(string sellerId) => $"/api/sellers/{sellerId}/verification";

    private static string KindBody(string kind) => JsonSerializer.Serialize(new { sellerKind = kind });

    [Fact]
    public async Task Only_admins_verify_and_revoke_and_only_the_seller_or_an_admin_reads_a_verification()
    {
        var sellerId = NewId("seller");
        var admin = TestTokens.For("platform-admin", "admin");
        var body = KindBody(SellerKinds.LocalSme);

        foreach (var method in new[] { "POST", "DELETE", "GET" })
        {
            await ExpectProblemAsync(HttpStatusCode.Unauthorized, method, Path(sellerId), null, method == "POST" ? body : null);
            await ExpectProblemAsync(HttpStatusCode.Unauthorized, method, Path(sellerId), TestTokens.Expired("platform-admin", "admin"), method == "POST" ? body : null);
        }

        // Not an admin: the seller themselves, creators, viewers and users of several roles are refused.
        foreach (var roles in new[] { new[] { "seller" }, ["creator"], ["viewer"], ["creator", "seller"] })
        {
            await ExpectProblemAsync(HttpStatusCode.Forbidden, "POST", Path(sellerId), TestTokens.For(sellerId, roles), body);
            await ExpectProblemAsync(HttpStatusCode.Forbidden, "DELETE", Path(sellerId), TestTokens.For(sellerId, roles), null);
        }

        // Reading: another seller is refused; the seller and admins read it, a 404 problem until there is one.
        await ExpectProblemAsync(HttpStatusCode.Forbidden, "GET", Path(sellerId), TestTokens.For(NewId("seller"), "seller"), null);
        await ExpectProblemAsync(HttpStatusCode.NotFound, "GET", Path(sellerId), TestTokens.For(sellerId, "seller"), null);
        await ExpectProblemAsync(HttpStatusCode.NotFound, "GET", Path(sellerId), admin, null);

        var before = DateTimeOffset.UtcNow;
        var verified = await Admin.VerifySellerAsync(sellerId, SellerKinds.LocalSme);
        Assert.Equal((sellerId, SellerKinds.LocalSme), (verified.SellerId, verified.SellerKind));
        Assert.InRange(verified.VerifiedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(verified, await Host.Api(sellerId, "seller").GetSellerVerificationAsync(sellerId));
        Assert.Equal(verified, await Admin.GetSellerVerificationAsync(sellerId));

        // The wire names of the answer.
        var (status, _, json) = await SendAsync("GET", Path(sellerId), TestTokens.For(sellerId, "viewer"), null);
        Assert.Equal(HttpStatusCode.OK, status);
        using (var document = JsonDocument.Parse(json))
        {
            var root = document.RootElement;
            Assert.Equal(sellerId, root.GetProperty("sellerId").GetString());
            Assert.Equal(SellerKinds.LocalSme, root.GetProperty("sellerKind").GetString());
            Assert.Equal(verified.VerifiedAt, root.GetProperty("verifiedAt").GetDateTimeOffset());
        }

        // A refused revocation changes nothing; an admin's does, and revoking again is no error.
        await ExpectProblemAsync(HttpStatusCode.Forbidden, "DELETE", Path(sellerId), TestTokens.For(sellerId, "seller"), null);
        Assert.Equal(verified, await Admin.GetSellerVerificationAsync(sellerId));
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync("DELETE", Path(sellerId), admin, null)).Status);
        await ExpectProblemAsync(HttpStatusCode.NotFound, "GET", Path(sellerId), TestTokens.For(sellerId, "seller"), null);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync("DELETE", Path(sellerId), admin, null)).Status);
    }

    [Fact]
    public async Task Bad_input_is_a_400_problem_an_id_that_cannot_be_one_is_a_404_problem_and_neither_changes_anything()
    {
        var creatorId = NewId("seller");
        var product = await Host.Api(creatorId, "seller").CreateProductAsync(Catalog.Product());
        var admin = TestTokens.For("platform-admin", "admin");
        await Admin.VerifySellerAsync(creatorId, SellerKinds.Brand);

        // Missing or unknown kinds name the field.
        foreach (var bad in new[] { "{}", "{\"sellerKind\":null}", "{\"kind\":\"brand\"}", KindBody("bank"), KindBody("LOCAL-SME"), KindBody(" brand"), KindBody("local_sme"), KindBody(string.Empty), KindBody("platform\u0000") })
        {
            var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, "POST", Path(creatorId), admin, bad);
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty("sellerKind", out _), $"{bad} -> {problem}");
        }

        // Bodies that are not the shape at all.
        foreach (var bad in new[] { "null", "{", "[]", "\"brand\"", "{\"sellerKind\":1}", "{\"sellerKind\":[\"brand\"]}", "{\"sellerKind\":{}}", new string('[', 200) })
        {
            await ExpectProblemAsync(HttpStatusCode.BadRequest, "POST", Path(creatorId), admin, bad);
        }

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await SendAsync("POST", Path(creatorId), admin, KindBody(SellerKinds.LocalSme), "text/plain")).Status);

        // Ids no seller can have are unknown without a look-up, whatever the method.
        foreach (var id in new[] { "%20", "%09", "%C2%A0", "%E2%80%8B%0A", new string('s', 65) })
        {
            await ExpectProblemAsync(HttpStatusCode.NotFound, "POST", Path(id), admin, KindBody(SellerKinds.LocalSme));
            await ExpectProblemAsync(HttpStatusCode.NotFound, "GET", Path(id), admin, null);
            await ExpectProblemAsync(HttpStatusCode.NotFound, "DELETE", Path(id), admin, null);
        }

        Assert.Equal(SellerKinds.Brand, (await Admin.GetSellerVerificationAsync(creatorId)).SellerKind);
        Assert.Equal(SellerKinds.Brand, (await Host.Api("anyone").GetProductAsync(product.Id)).VerifiedSellerKind);
    }

    [Fact]
    public async Task Products_show_a_verification_at_once_and_stream_cards_within_seconds_through_replacement_and_revocation()
    {
        var sellerId = NewId("seller");
        var seller = Host.Api(sellerId, "creator", "seller");
        var local = await seller.CreateProductAsync(Catalog.Product("Batik Kawung", kind: SellerKinds.LocalSme));
        var platform = await seller.CreateProductAsync(Catalog.Product("Hijab Voal", kind: SellerKinds.Platform));
        var brand = await seller.CreateProductAsync(Catalog.Product("Kain Tenun", kind: SellerKinds.Brand));
        var ids = new[] { local.Id, platform.Id, brand.Id };
        var stream = await seller.CreateStreamAsync(new CreateStreamRequest { Title = "Verified", ProductIds = ids });
        await seller.StartStreamAsync(stream.Id);
        await seller.PinAsync(stream.Id, local.Id);
        await using var json = await Host.ConnectViewerAsync(NewId("viewer"));
        await using var messagePack = await Host.ConnectViewerAsync(NewId("viewer"), HubProtocol.MessagePack);
        var pins = new Inbox<ProductCard>();
        json.ProductPinned += pins.Add;

        // Before: nobody verified the seller, whatever the labels say.
        Assert.All(new[] { local, platform, brand }, p => Assert.Equal(((string?)null, false), (p.VerifiedSellerKind, p.SellerKindVerified)));
        await ExpectShownAsync(ids, stream.Id, null, json, messagePack);

        // Verified as local-sme: the product reads show it at once, cards within seconds.
        var verification = await Admin.VerifySellerAsync(sellerId, SellerKinds.LocalSme);
        await ExpectProductsAsync(ids, SellerKinds.LocalSme);
        await ExpectRawProductAsync(local.Id, SellerKinds.LocalSme, verified: true);
        await ExpectRawProductAsync(platform.Id, SellerKinds.LocalSme, verified: false);
        await ExpectShownAsync(ids, stream.Id, SellerKinds.LocalSme, json, messagePack);

        // A pin made now carries it at once.
        await seller.PinAsync(stream.Id, platform.Id);
        var pinned = await pins.WaitForAsync(c => c.ProductId == platform.Id);
        Assert.Equal((SellerKinds.LocalSme, false), (pinned.VerifiedSellerKind, pinned.SellerKindVerified));

        // The same kind again is idempotent: the first verification's time stays.
        Assert.Equal(verification, await Admin.VerifySellerAsync(sellerId, SellerKinds.LocalSme));

        // Another kind replaces it: a platform seller's products are all platform's, whatever their labels. (The
        // snapshot is read first, so the stream's cards are cached when the change is made: the slowest case.)
        await Host.Api("anyone").GetStreamAsync(stream.Id);
        var replaced = await Admin.VerifySellerAsync(sellerId, SellerKinds.Platform);
        Assert.Equal(SellerKinds.Platform, replaced.SellerKind);
        Assert.True(replaced.VerifiedAt >= verification.VerifiedAt);
        Assert.Equal(replaced, await seller.GetSellerVerificationAsync(sellerId));
        await ExpectProductsAsync(ids, SellerKinds.Platform);
        await ExpectShownAsync(ids, stream.Id, SellerKinds.Platform, json, messagePack);
        await seller.PinAsync(stream.Id, local.Id);
        pinned = await pins.WaitForAsync(c => c.ProductId == local.Id && c.VerifiedSellerKind is not null);
        Assert.Equal((SellerKinds.Platform, false), (pinned.VerifiedSellerKind, pinned.SellerKindVerified));

        // Revoked: nothing is verified any more.
        await Host.Api("anyone").GetStreamAsync(stream.Id);
        await Admin.RevokeSellerVerificationAsync(sellerId);
        await ExpectProductsAsync(ids, null);
        await ExpectShownAsync(ids, stream.Id, null, json, messagePack);
        var gone = await Assert.ThrowsAsync<LiveApiException>(() => seller.GetSellerVerificationAsync(sellerId));
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
    }

    [Fact]
    public async Task Every_product_of_a_large_catalog_gets_a_verification_including_those_created_while_it_is_made_and_after()
    {
        var sellerId = NewId("seller");
        var seller = Host.Api(sellerId, "seller");
        var other = await Host.Api(NewId("seller"), "seller").CreateProductAsync(Catalog.Product(kind: SellerKinds.Brand));
        await Task.WhenAll(Enumerable.Range(0, 70).Select(i => seller.CreateProductAsync(Catalog.Product(kind: i % 2 == 0 ? SellerKinds.Brand : SellerKinds.LocalSme))));

        // Products created while the verification is made: when both have answered, each of them shows it.
        var during = Enumerable.Range(0, 12).Select(_ => seller.CreateProductAsync(Catalog.Product(kind: SellerKinds.Brand))).ToList();
        var verification = Admin.VerifySellerAsync(sellerId, SellerKinds.Brand);
        await Task.WhenAll(during);
        await verification;
        var after = await seller.CreateProductAsync(Catalog.Product(kind: SellerKinds.Brand));
        Assert.Equal((SellerKinds.Brand, true), (after.VerifiedSellerKind, after.SellerKindVerified));

        var all = await Host.Api("anyone").ListProductsAsync(sellerId, pageSize: 200);
        Assert.Equal(70 + 12 + 1, all.Count);
        Assert.All(all, p => Assert.Equal(SellerKinds.Brand, p.VerifiedSellerKind));
        Assert.Equal(all.Count(p => p.SellerKind == SellerKinds.Brand), all.Count(p => p.SellerKindVerified));
        foreach (var product in all.Take(5))
        {
            Assert.Equal(SellerKinds.Brand, (await Host.Api("anyone").GetProductAsync(product.Id)).VerifiedSellerKind);
        }

        // Another seller's products are not touched.
        Assert.Null((await Host.Api("anyone").GetProductAsync(other.Id)).VerifiedSellerKind);
    }

    [Fact]
    public async Task A_late_copy_of_an_older_verification_never_overwrites_a_newer_one_and_an_unknown_product_stays_unknown()
    {
        var grains = Host.Services.GetRequiredService<IGrainFactory>();
        var sellerId = NewId("seller");
        var product = await Host.Api(sellerId, "seller").CreateProductAsync(Catalog.Product());
        await Admin.VerifySellerAsync(sellerId, SellerKinds.Brand);
        await Admin.VerifySellerAsync(sellerId, SellerKinds.LocalSme);
        var standing = await grains.GetGrain<ISellerGrain>(sellerId).GetStandingAsync();
        Assert.Equal(new SellerStanding(2, SellerKinds.LocalSme), standing);

        await grains.GetGrain<IProductGrain>(product.Id).ApplySellerStandingAsync(new SellerStanding(1, SellerKinds.Brand));
        await grains.GetGrain<IProductGrain>(product.Id).ApplySellerStandingAsync(new SellerStanding(2, null));
        var read = await Host.Api("anyone").GetProductAsync(product.Id);
        Assert.Equal((SellerKinds.LocalSme, true), (read.VerifiedSellerKind, read.SellerKindVerified));

        var unknown = NewId("no-product");
        await grains.GetGrain<IProductGrain>(unknown).ApplySellerStandingAsync(new SellerStanding(5, SellerKinds.Brand));
        Assert.Null(await grains.GetGrain<IProductGrain>(unknown).GetAsync());
    }

    /// <summary>Every product read shows the seller's verified kind <paramref name="kind"/>, and is verified exactly when its label is that kind.</summary>
    private async Task ExpectProductsAsync(IEnumerable<string> productIds, string? kind)
    {
        var anyone = Host.Api("anyone");
        foreach (var id in productIds)
        {
            var product = await anyone.GetProductAsync(id);
            Assert.Equal(kind, product.VerifiedSellerKind);
            Assert.Equal(kind is not null && product.SellerKind == kind, product.SellerKindVerified);
        }
    }

    private async Task ExpectRawProductAsync(string productId, string kind, bool verified)
    {
        var (status, _, text) = await SendAsync("GET", "/api/products/" + productId, null, null);
        Assert.Equal(HttpStatusCode.OK, status);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(kind, document.RootElement.GetProperty("verifiedSellerKind").GetString());
        Assert.Equal(verified, document.RootElement.GetProperty("sellerKindVerified").GetBoolean());
    }

    /// <summary>
    /// Waits (up to <see cref="CardDeadline"/>) until the stream's HTTP snapshot shows <paramref name="kind"/> on every
    /// card and on the pinned one, reports how long it took, then checks a fresh join over both hub protocols.
    /// </summary>
    private async Task ExpectShownAsync(IReadOnlyList<string> productIds, string streamId, string? kind, LiveViewerClient json, LiveViewerClient messagePack)
    {
        var anyone = Host.Api("anyone");
        var clock = Stopwatch.StartNew();
        StreamSnapshot snapshot;
        while (!Shows(snapshot = await anyone.GetStreamAsync(streamId), productIds, kind))
        {
            Assert.True(clock.Elapsed < CardDeadline, $"the stream's cards did not show {kind ?? "no verification"} within {CardDeadline}");
            await Task.Delay(25);
        }

        Output.WriteLine($"stream cards showed {kind ?? "no verification"} after {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(Shows(await json.JoinStreamAsync(streamId), productIds, kind), "JoinStream (JSON) did not show it");
        Assert.True(Shows(await messagePack.JoinStreamAsync(streamId), productIds, kind), "JoinStream (MessagePack) did not show it");
    }

    private static bool Shows(StreamSnapshot snapshot, IReadOnlyList<string> productIds, string? kind) =>
        snapshot.Products.Count == productIds.Count &&
        snapshot.Products.All(card => productIds.Contains(card.ProductId) && Shows(card, kind)) &&
        (snapshot.Pinned is null || Shows(snapshot.Pinned, kind));

    private static bool Shows(ProductCard card, string? kind) =>
        card.VerifiedSellerKind == kind && card.SellerKindVerified == (kind is not null && card.SellerKind == kind);

    private async Task<JsonElement> ExpectProblemAsync(HttpStatusCode expected, string method, string path, string? token, string? body)
    {
        var (status, mediaType, text) = await SendAsync(method, path, token, body);
        Assert.True(status == expected, $"{method} {path} {body} -> {(int)status} {text}");
        Assert.Equal("application/problem+json", mediaType);
        using var document = JsonDocument.Parse(text);
        Assert.Equal((int)expected, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    private async Task<(HttpStatusCode Status, string? MediaType, string Text)> SendAsync(
        string method, string path, string? token, string? body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await Host.Http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
