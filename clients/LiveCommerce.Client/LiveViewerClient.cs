using System.Collections.Concurrent;
using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Contracts.Vouchers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Client;

/// <summary>
/// A viewer's connection to <c>/hubs/live</c>: every method and event of the contract, typed. After a drop it
/// reconnects by itself and rejoins the streams it had joined; <see cref="Rejoined"/> then carries the fresh
/// snapshot, so a viewer sees the current pin and offers even if events were missed while it was away.
/// Server errors surface as <see cref="Microsoft.AspNetCore.SignalR.HubException"/>.
/// </summary>
public sealed class LiveViewerClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<string, byte> _joined = new(StringComparer.Ordinal);

    /// <summary>Creates a client; call <see cref="StartAsync"/> to connect.</summary>
    public LiveViewerClient(LiveClientOptions options)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(options.BaseAddress, HubMethods.Path), http =>
            {
                if (options.AccessTokenProvider is { } tokens)
                {
                    http.AccessTokenProvider = tokens;
                }
            });
        if (options.AutoReconnect)
        {
            builder.WithAutomaticReconnect(new RepeatingRetryPolicy(options.ReconnectDelays));
        }

        if (options.Protocol == HubProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol(messagePack => messagePack.SerializerOptions = ContractResolver.Options);
        }
        else
        {
            builder.AddJsonProtocol(json => LiveJson.Configure(json.PayloadSerializerOptions));
        }

        _connection = builder.Build();
        _connection.On<ProductCard>(HubEvents.ProductPinned, card => ProductPinned?.Invoke(card));
        _connection.On<ProductUnpinned>(HubEvents.ProductUnpinned, e => ProductUnpinned?.Invoke(e));
        _connection.On<Offer>(HubEvents.OfferStarted, offer => OfferStarted?.Invoke(offer));
        _connection.On<OfferUpdated>(HubEvents.OfferUpdated, e => OfferUpdated?.Invoke(e));
        _connection.On<OfferEnded>(HubEvents.OfferEnded, e => OfferEnded?.Invoke(e));
        _connection.On<ViewerCount>(HubEvents.ViewerCount, e => ViewerCount?.Invoke(e));
        _connection.On<CommentPosted>(HubEvents.CommentPosted, e => CommentPosted?.Invoke(e));
        _connection.On<StreamEnded>(HubEvents.StreamEnded, e => StreamEnded?.Invoke(e));
        _connection.On<VideoStatus>(HubEvents.VideoStatus, e => VideoStatus?.Invoke(e));
        _connection.On<Auction>(HubEvents.AuctionStarted, e => AuctionStarted?.Invoke(e));
        _connection.On<BidPlaced>(HubEvents.BidPlaced, e => BidPlaced?.Invoke(e));
        _connection.On<AuctionEnded>(HubEvents.AuctionEnded, e => AuctionEnded?.Invoke(e));
        _connection.On<Giveaway>(HubEvents.GiveawayStarted, e => GiveawayStarted?.Invoke(e));
        _connection.On<GiveawayEnded>(HubEvents.GiveawayEnded, e => GiveawayEnded?.Invoke(e));
        _connection.On<Voucher>(HubEvents.VoucherDropped, e => VoucherDropped?.Invoke(e));
        _connection.On<VoucherEnded>(HubEvents.VoucherEnded, e => VoucherEnded?.Invoke(e));
        _connection.On<Cart>(HubEvents.CartUpdated, e => CartUpdated?.Invoke(e));
        _connection.Reconnecting += _ =>
        {
            Reconnecting?.Invoke();
            return Task.CompletedTask;
        };
        _connection.Reconnected += _ => RejoinAsync();
    }

    /// <summary>A product was pinned.</summary>
    public event Action<ProductCard>? ProductPinned;

    /// <summary>The pinned product was taken down.</summary>
    public event Action<ProductUnpinned>? ProductUnpinned;

    /// <summary>A flash offer started.</summary>
    public event Action<Offer>? OfferStarted;

    /// <summary>Units left in a flash offer changed (folded; the last one is exact).</summary>
    public event Action<OfferUpdated>? OfferUpdated;

    /// <summary>A flash offer ended.</summary>
    public event Action<OfferEnded>? OfferEnded;

    /// <summary>The viewer count changed (folded).</summary>
    public event Action<ViewerCount>? ViewerCount;

    /// <summary>A viewer commented.</summary>
    public event Action<CommentPosted>? CommentPosted;

    /// <summary>The stream ended.</summary>
    public event Action<StreamEnded>? StreamEnded;

    /// <summary>The stream's video went live (with its HLS playlist) or offline.</summary>
    public event Action<VideoStatus>? VideoStatus;

    /// <summary>An auction started.</summary>
    public event Action<Auction>? AuctionStarted;

    /// <summary>An auction's price, leader or end moved (folded; the last one is exact).</summary>
    public event Action<BidPlaced>? BidPlaced;

    /// <summary>An auction ended.</summary>
    public event Action<AuctionEnded>? AuctionEnded;

    /// <summary>A giveaway started.</summary>
    public event Action<Giveaway>? GiveawayStarted;

    /// <summary>A giveaway ended, with its winners and seed.</summary>
    public event Action<GiveawayEnded>? GiveawayEnded;

    /// <summary>A voucher was dropped.</summary>
    public event Action<Voucher>? VoucherDropped;

    /// <summary>Claiming a voucher closed.</summary>
    public event Action<VoucherEnded>? VoucherEnded;

    /// <summary>The engine changed this viewer's cart (a won auction or giveaway).</summary>
    public event Action<Cart>? CartUpdated;

    /// <summary>The connection dropped and the client is reconnecting.</summary>
    public event Action? Reconnecting;

    /// <summary>After a reconnect, a stream was rejoined; the snapshot is its current state.</summary>
    public event Action<StreamSnapshot>? Rejoined;

    /// <summary>Whether the connection is up.</summary>
    public bool IsConnected => _connection.State == HubConnectionState.Connected;

    /// <summary>The streams this client has joined.</summary>
    public IReadOnlyCollection<string> JoinedStreams => [.. _joined.Keys];

    /// <summary>Connects.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _connection.StartAsync(cancellationToken);

    /// <summary>Disconnects.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _connection.StopAsync(cancellationToken);

    /// <summary>Joins a stream's audience; answers with its snapshot.</summary>
    public async Task<StreamSnapshot> JoinStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var snapshot = await _connection.InvokeAsync<StreamSnapshot>(HubMethods.JoinStream, streamId, cancellationToken);
        _joined[streamId] = 0;
        return snapshot;
    }

    /// <summary>Leaves a stream's audience.</summary>
    public async Task LeaveStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        _joined.TryRemove(streamId, out _);
        await _connection.InvokeAsync(HubMethods.LeaveStream, streamId, cancellationToken);
    }

    /// <summary>Reacts: <c>like</c>, <c>heart</c>, <c>fire</c> or <c>clap</c>.</summary>
    public Task ReactAsync(string streamId, string kind, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(HubMethods.React, streamId, kind, cancellationToken);

    /// <summary>Comments (1–500 characters).</summary>
    public Task CommentAsync(string streamId, string text, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(HubMethods.Comment, streamId, text, cancellationToken);

    /// <summary>Records that the viewer opened a product card from the ranked list (the v1 call, without a surface).</summary>
    public Task ViewProductAsync(string streamId, string productId, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(HubMethods.ViewProduct, streamId, productId, cancellationToken);

    /// <summary>Records that the viewer opened a product card from <paramref name="surface"/>: <c>list</c>, <c>pinned</c>, <c>offer</c> or <c>chat</c>.</summary>
    public Task ViewProductAsync(string streamId, string productId, string surface, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(HubMethods.ViewProduct, streamId, productId, surface, cancellationToken);

    /// <summary>Adds units of a product to the viewer's cart.</summary>
    public Task<Cart> AddToCartAsync(string streamId, string productId, int quantity, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<Cart>(HubMethods.AddToCart, streamId, productId, quantity, cancellationToken);

    /// <summary>Claims one unit of a flash offer.</summary>
    public Task<ClaimResult> ClaimOfferAsync(string streamId, string offerId, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<ClaimResult>(HubMethods.ClaimOffer, streamId, offerId, cancellationToken);

    /// <summary>Buys the cart; the same key always returns the same order.</summary>
    public Task<Order> CheckoutAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<Order>(HubMethods.Checkout, idempotencyKey, cancellationToken);

    /// <summary>The viewer's cart.</summary>
    public Task<Cart> GetCartAsync(CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<Cart>(HubMethods.GetCart, cancellationToken);

    /// <summary>Sets the units of a regular line; 0 removes it.</summary>
    public Task<Cart> SetCartQuantityAsync(string productId, int quantity, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<Cart>(HubMethods.SetCartQuantity, productId, quantity, cancellationToken);

    /// <summary>Gives a held unit back at once and drops its line.</summary>
    public Task<Cart> ReleaseHoldAsync(string reservationId, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<Cart>(HubMethods.ReleaseHold, reservationId, cancellationToken);

    /// <summary>Bids on an auction up to <paramref name="maximum"/> minor units.</summary>
    public Task<BidResult> PlaceBidAsync(string streamId, string auctionId, long maximum, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<BidResult>(HubMethods.PlaceBid, streamId, auctionId, maximum, cancellationToken);

    /// <summary>Enters a giveaway.</summary>
    public Task<EntryResult> EnterGiveawayAsync(string streamId, string giveawayId, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<EntryResult>(HubMethods.EnterGiveaway, streamId, giveawayId, cancellationToken);

    /// <summary>Claims a voucher.</summary>
    public Task<VoucherClaimResult> ClaimVoucherAsync(string streamId, string voucherId, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<VoucherClaimResult>(HubMethods.ClaimVoucher, streamId, voucherId, cancellationToken);

    /// <summary>An empty round trip to the engine.</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync(HubMethods.Ping, cancellationToken);

    /// <summary>Calls any hub method by name (for methods added after this client was built).</summary>
    public Task<T> InvokeAsync<T>(string method, object?[] args, CancellationToken cancellationToken = default) =>
        _connection.InvokeCoreAsync<T>(method, args, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task RejoinAsync()
    {
        foreach (var streamId in _joined.Keys)
        {
            var snapshot = await _connection.InvokeAsync<StreamSnapshot>(HubMethods.JoinStream, streamId);
            Rejoined?.Invoke(snapshot);
        }
    }
}
