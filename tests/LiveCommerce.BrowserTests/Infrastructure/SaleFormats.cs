using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LiveCommerce.Client;

namespace LiveCommerce.BrowserTests.Infrastructure;

/// <summary>
/// Live auctions, giveaways and vouchers over the contract's HTTP endpoints and hub methods, read as JSON: the browser
/// tests check the wire names of the contract, not a typed client's.
/// </summary>
public static class SaleFormats
{
    /// <summary><c>POST /api/streams/{id}/auctions</c>: the Auction.</summary>
    public static Task<JsonElement> StartAuctionAsync(LiveApiClient creator, string streamId, object body) =>
        creator.SendAsync<JsonElement>(HttpMethod.Post, StreamPath(streamId) + "/auctions", body);

    /// <summary><c>GET /api/streams/{id}/auctions/{auctionId}</c>.</summary>
    public static Task<JsonElement> GetAuctionAsync(LiveApiClient creator, string streamId, string auctionId) =>
        creator.SendAsync<JsonElement>(HttpMethod.Get, $"{StreamPath(streamId)}/auctions/{Uri.EscapeDataString(auctionId)}", null);

    /// <summary><c>POST /api/streams/{id}/giveaways</c>: the Giveaway.</summary>
    public static Task<JsonElement> StartGiveawayAsync(LiveApiClient creator, string streamId, object body) =>
        creator.SendAsync<JsonElement>(HttpMethod.Post, StreamPath(streamId) + "/giveaways", body);

    /// <summary><c>GET /api/streams/{id}/giveaways/{giveawayId}</c> (with <c>entrantIds</c> for the creator).</summary>
    public static Task<JsonElement> GetGiveawayAsync(LiveApiClient creator, string streamId, string giveawayId) =>
        creator.SendAsync<JsonElement>(HttpMethod.Get, $"{StreamPath(streamId)}/giveaways/{Uri.EscapeDataString(giveawayId)}", null);

    /// <summary><c>POST /api/streams/{id}/vouchers</c>: the Voucher.</summary>
    public static Task<JsonElement> DropVoucherAsync(LiveApiClient creator, string streamId, object body) =>
        creator.SendAsync<JsonElement>(HttpMethod.Post, StreamPath(streamId) + "/vouchers", body);

    /// <summary>Hub <c>PlaceBid(streamId, auctionId, amount)</c>.</summary>
    public static Task<JsonElement> PlaceBidAsync(LiveViewerClient viewer, string streamId, string auctionId, long amount) =>
        viewer.InvokeAsync<JsonElement>("PlaceBid", [streamId, auctionId, amount]);

    /// <summary>Hub <c>EnterGiveaway(streamId, giveawayId)</c>.</summary>
    public static Task<JsonElement> EnterGiveawayAsync(LiveViewerClient viewer, string streamId, string giveawayId) =>
        viewer.InvokeAsync<JsonElement>("EnterGiveaway", [streamId, giveawayId]);

    /// <summary>Hub <c>ClaimVoucher(streamId, voucherId)</c>.</summary>
    public static Task<JsonElement> ClaimVoucherAsync(LiveViewerClient viewer, string streamId, string voucherId) =>
        viewer.InvokeAsync<JsonElement>("ClaimVoucher", [streamId, voucherId]);

    /// <summary>Hub <c>GetCart()</c>, as JSON (with the contract's <c>subtotal</c>, <c>discount</c>, <c>voucherId</c>).</summary>
    public static Task<JsonElement> GetCartAsync(LiveViewerClient viewer) =>
        viewer.InvokeAsync<JsonElement>("GetCart", []);

    /// <summary>A Money body: <c>{amount, currency}</c>.</summary>
    public static object Money(long amount, string currency) => new { amount, currency };

    /// <summary>The lowercase hex SHA-256 of a text's UTF-8 bytes (a giveaway's commitment of its seed).</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A string property of a JSON object.</summary>
    public static string Text(this JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new InvalidOperationException($"{name} is null.");

    /// <summary>The amount of a Money property of a JSON object.</summary>
    public static long Amount(this JsonElement element, string name) => element.GetProperty(name).GetProperty("amount").GetInt64();

    private static string StreamPath(string streamId) => $"/api/streams/{Uri.EscapeDataString(streamId)}";
}
