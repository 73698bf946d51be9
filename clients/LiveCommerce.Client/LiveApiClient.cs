using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LiveCommerce.Contracts.Analytics;
using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Vouchers;
using LiveCommerce.Contracts.Chat;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Sellers;
using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Video;

namespace LiveCommerce.Client;

/// <summary>
/// The creators' and sellers' HTTP API, typed. Every method throws <see cref="LiveApiException"/> with the
/// problem details when the engine refuses.
/// </summary>
public sealed class LiveApiClient(HttpClient http, string? accessToken = null)
{
    /// <summary>Creates a product for the caller (seller, creator or admin).</summary>
    public Task<Product> CreateProductAsync(CreateProductRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<Product>(HttpMethod.Post, "/api/products", request, cancellationToken);

    /// <summary>Reads a product with its current stock.</summary>
    public Task<Product> GetProductAsync(string productId, CancellationToken cancellationToken = default) =>
        SendAsync<Product>(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(productId)}", null, cancellationToken);

    /// <summary>Sets the seller's terms for other creators' streams (the product's seller only).</summary>
    public Task<Product> SetTermsAsync(string productId, SellerTerms terms, CancellationToken cancellationToken = default) =>
        SendAsync<Product>(HttpMethod.Put, $"/api/products/{Uri.EscapeDataString(productId)}/terms", terms, cancellationToken);

    /// <summary>Lists a seller's products, oldest first (the caller's own when <paramref name="sellerId"/> is null).</summary>
    public Task<IReadOnlyList<Product>> ListProductsAsync(string? sellerId = null, int page = 1, int pageSize = 100, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<Product>>(
            HttpMethod.Get,
            $"/api/products?page={page}&pageSize={pageSize}" + (sellerId is null ? string.Empty : "&sellerId=" + Uri.EscapeDataString(sellerId)),
            null,
            cancellationToken);

    /// <summary>Creates a stream owned by the caller (creator).</summary>
    public Task<LiveStream> CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<LiveStream>(HttpMethod.Post, "/api/streams", request, cancellationToken);

    /// <summary>Lists scheduled and live streams, live first; optionally one creator's.</summary>
    public Task<IReadOnlyList<StreamListing>> ListStreamsAsync(string? creatorId = null, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<StreamListing>>(HttpMethod.Get, creatorId is null ? "/api/streams" : $"/api/streams?creatorId={Uri.EscapeDataString(creatorId)}", null, cancellationToken);

    /// <summary>Reads a stream's snapshot.</summary>
    public Task<StreamSnapshot> GetStreamAsync(string streamId, CancellationToken cancellationToken = default) =>
        SendAsync<StreamSnapshot>(HttpMethod.Get, StreamPath(streamId), null, cancellationToken);

    /// <summary>Adds a product to a stream's list.</summary>
    public Task<LiveStream> AddProductAsync(string streamId, string productId, CancellationToken cancellationToken = default) =>
        SendAsync<LiveStream>(HttpMethod.Post, StreamPath(streamId) + "/products", new ProductRef { ProductId = productId }, cancellationToken);

    /// <summary>Goes live.</summary>
    public Task<LiveStream> StartStreamAsync(string streamId, CancellationToken cancellationToken = default) =>
        SendAsync<LiveStream>(HttpMethod.Post, StreamPath(streamId) + "/start", null, cancellationToken);

    /// <summary>Ends the stream.</summary>
    public Task<LiveStream> EndStreamAsync(string streamId, CancellationToken cancellationToken = default) =>
        SendAsync<LiveStream>(HttpMethod.Post, StreamPath(streamId) + "/end", null, cancellationToken);

    /// <summary>Pins a listed product.</summary>
    public Task<ProductCard> PinAsync(string streamId, string productId, CancellationToken cancellationToken = default) =>
        SendAsync<ProductCard>(HttpMethod.Post, StreamPath(streamId) + "/pin", new ProductRef { ProductId = productId }, cancellationToken);

    /// <summary>Takes the pinned product down.</summary>
    public Task UnpinAsync(string streamId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, StreamPath(streamId) + "/pin", null, cancellationToken);

    /// <summary>Starts a flash offer on a listed product of a live stream.</summary>
    public Task<Offer> CreateOfferAsync(string streamId, CreateOfferRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<Offer>(HttpMethod.Post, StreamPath(streamId) + "/offers", request, cancellationToken);

    /// <summary>Ends a flash offer early.</summary>
    public Task CancelOfferAsync(string streamId, string offerId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, StreamPath(streamId) + "/offers/" + Uri.EscapeDataString(offerId), null, cancellationToken);

    /// <summary>Starts an auction on a listed product of a live stream.</summary>
    public Task<Auction> CreateAuctionAsync(string streamId, CreateAuctionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<Auction>(HttpMethod.Post, StreamPath(streamId) + "/auctions", request, cancellationToken);

    /// <summary>Reads an auction.</summary>
    public Task<Auction> GetAuctionAsync(string streamId, string auctionId, CancellationToken cancellationToken = default) =>
        SendAsync<Auction>(HttpMethod.Get, StreamPath(streamId) + "/auctions/" + Uri.EscapeDataString(auctionId), null, cancellationToken);

    /// <summary>Starts a giveaway on a listed product of a live stream.</summary>
    public Task<Giveaway> CreateGiveawayAsync(string streamId, CreateGiveawayRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<Giveaway>(HttpMethod.Post, StreamPath(streamId) + "/giveaways", request, cancellationToken);

    /// <summary>Reads a giveaway (with its entrants for the stream's creator).</summary>
    public Task<Giveaway> GetGiveawayAsync(string streamId, string giveawayId, CancellationToken cancellationToken = default) =>
        SendAsync<Giveaway>(HttpMethod.Get, StreamPath(streamId) + "/giveaways/" + Uri.EscapeDataString(giveawayId), null, cancellationToken);

    /// <summary>Drops a voucher in a live stream.</summary>
    public Task<Voucher> CreateVoucherAsync(string streamId, CreateVoucherRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<Voucher>(HttpMethod.Post, StreamPath(streamId) + "/vouchers", request, cancellationToken);

    /// <summary>Cancels an auction, giveaway or voucher (<paramref name="kind"/>: <c>auctions</c>, <c>giveaways</c> or <c>vouchers</c>).</summary>
    public Task CancelSaleAsync(string streamId, string kind, string saleId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, StreamPath(streamId) + "/" + kind + "/" + Uri.EscapeDataString(saleId), null, cancellationToken);

    /// <summary>The RTMP address and stream key of a stream (its creator only); the key is a secret.</summary>
    public Task<StreamIngest> GetIngestAsync(string streamId, CancellationToken cancellationToken = default) =>
        SendAsync<StreamIngest>(HttpMethod.Get, StreamPath(streamId) + "/ingest", null, cancellationToken);

    /// <summary>Replaces a stream's key (its creator only); the old key stops working at once.</summary>
    public Task<StreamIngest> RotateIngestKeyAsync(string streamId, CancellationToken cancellationToken = default) =>
        SendAsync<StreamIngest>(HttpMethod.Post, StreamPath(streamId) + "/ingest/rotate", null, cancellationToken);

    /// <summary>An ended stream's replay: the recording and its product timeline.</summary>
    public Task<StreamReplay> GetReplayAsync(string streamId, CancellationToken cancellationToken = default) =>
        SendAsync<StreamReplay>(HttpMethod.Get, StreamPath(streamId) + "/replay", null, cancellationToken);

    /// <summary>Reads one of the caller's orders.</summary>
    public Task<Order> GetOrderAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendAsync<Order>(HttpMethod.Get, "/api/orders/" + Uri.EscapeDataString(orderId), null, cancellationToken);

    /// <summary>Lists the caller's orders, newest first.</summary>
    public Task<OrderPage> ListOrdersAsync(int page = 1, int pageSize = 20, CancellationToken cancellationToken = default) =>
        SendAsync<OrderPage>(HttpMethod.Get, $"/api/orders?page={page}&pageSize={pageSize}", null, cancellationToken);

    /// <summary>The creator's next-pin suggestions for a stream, best first, with reasons.</summary>
    public Task<IReadOnlyList<PinSuggestion>> GetSuggestionsAsync(string streamId, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<PinSuggestion>>(HttpMethod.Get, StreamPath(streamId) + "/suggestions", null, cancellationToken);

    /// <summary>A stream's live analytics (its creator or an admin).</summary>
    public Task<StreamAnalytics> GetStreamAnalyticsAsync(string streamId, CancellationToken cancellationToken = default) =>
        SendAsync<StreamAnalytics>(HttpMethod.Get, StreamPath(streamId) + "/analytics", null, cancellationToken);

    /// <summary>A stream's impressions and clicks by seller kind (its creator or an admin).</summary>
    public Task<StreamExposure> GetExposureAsync(string streamId, CancellationToken cancellationToken = default) =>
        SendAsync<StreamExposure>(HttpMethod.Get, StreamPath(streamId) + "/exposure", null, cancellationToken);

    /// <summary>A seller's own products across streams (that seller or an admin).</summary>
    public Task<SellerAnalytics> GetSellerAnalyticsAsync(string sellerId, CancellationToken cancellationToken = default) =>
        SendAsync<SellerAnalytics>(HttpMethod.Get, SellerPath(sellerId) + "/analytics", null, cancellationToken);

    /// <summary>Verifies a seller as <paramref name="sellerKind"/> (<c>local-sme</c>, <c>brand</c> or <c>platform</c>; admins only).</summary>
    public Task<SellerVerification> VerifySellerAsync(string sellerId, string sellerKind, CancellationToken cancellationToken = default) =>
        SendAsync<SellerVerification>(HttpMethod.Post, SellerPath(sellerId) + "/verification", new VerifySellerRequest { SellerKind = sellerKind }, cancellationToken);

    /// <summary>Reads a seller's verification (that seller or an admin); 404 when the seller is not verified.</summary>
    public Task<SellerVerification> GetSellerVerificationAsync(string sellerId, CancellationToken cancellationToken = default) =>
        SendAsync<SellerVerification>(HttpMethod.Get, SellerPath(sellerId) + "/verification", null, cancellationToken);

    /// <summary>Revokes a seller's verification (admins only); revoking none is not an error.</summary>
    public Task RevokeSellerVerificationAsync(string sellerId, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, SellerPath(sellerId) + "/verification", null, cancellationToken);

    /// <summary>The stream's latest comments with their intents, newest first (creator, moderators); <paramref name="intent"/> filters.</summary>
    public Task<IReadOnlyList<ChatComment>> GetChatAsync(string streamId, string? intent = null, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<ChatComment>>(
            HttpMethod.Get, StreamPath(streamId) + "/chat" + (intent is null ? "" : "?intent=" + Uri.EscapeDataString(intent)), null, cancellationToken);

    /// <summary>Replaces the stream's chat rules (its creator).</summary>
    public Task<ChatSettings> SetChatSettingsAsync(string streamId, ChatSettings settings, CancellationToken cancellationToken = default) =>
        SendAsync<ChatSettings>(HttpMethod.Put, StreamPath(streamId) + "/chat/settings", settings, cancellationToken);

    /// <summary>Sends any request to the engine and reads a <typeparamref name="T"/> from the answer.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: LiveJson.Options);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await ReadProblemAsync(response, cancellationToken);
            throw new LiveApiException(response.StatusCode, problem?.Title, problem?.Detail);
        }

        if (response.Content.Headers.ContentLength == 0 || response.StatusCode == System.Net.HttpStatusCode.NoContent)
        {
            return default!;
        }

        return (await response.Content.ReadFromJsonAsync<T>(LiveJson.Options, cancellationToken))!;
    }

    private static string StreamPath(string streamId) => $"/api/streams/{Uri.EscapeDataString(streamId)}";

    private static string SellerPath(string sellerId) => $"/api/sellers/{Uri.EscapeDataString(sellerId)}";

    private static async Task<ProblemBody?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ProblemBody>(LiveJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ProblemBody(string? Title, string? Detail);
}
