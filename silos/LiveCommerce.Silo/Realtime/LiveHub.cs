using LiveCommerce.Abstractions.Auctions;
using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Giveaways;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Abstractions.Vouchers;
using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Vouchers;
using LiveCommerce.Grains.Streams;
using LiveCommerce.Silo.Apis;
using LiveCommerce.Silo.Engagement;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// The viewers' hub, <c>/hubs/live</c>. Anonymous viewers may join, watch and open product cards; reacting,
/// commenting, carting, claiming and checking out need a token. Every error is a <see cref="HubException"/>
/// (see <see cref="HubErrorFilter"/>) and leaves the connection open.
/// </summary>
public sealed class LiveHub(
    IGrainFactory grains, StreamReads streams, ViewerPresence presence, IOptions<HubLimitsOptions> limits, HubEngagement engagement) : Hub
{
    /// <summary>The longest comment, after trimming.</summary>
    public const int MaxCommentLength = 500;

    /// <summary>The longest idempotency key of a checkout.</summary>
    public const int MaxKeyLength = 128;

    private const string JoinedKey = "lc.joined";

    /// <summary>Joins a stream's audience and answers with its snapshot.</summary>
    public async Task<StreamSnapshot> JoinStream(string streamId)
    {
        RequireId(streamId, "stream");
        var joined = Joined();
        var group = StreamGroups.Of(streamId);
        var isNew = !joined.Contains(streamId);
        if (isNew && joined.Count >= limits.Value.MaxStreamsPerConnection)
        {
            throw new HubException($"A connection may watch at most {limits.Value.MaxStreamsPerConnection} streams at once; leave one first.");
        }

        // Join the group before reading the snapshot: anything that changes after the read reaches this
        // connection as an event, and anything before it is in the snapshot. Nothing falls in between.
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        try
        {
            // One read per stream at a time on this silo, however many viewers join at once; each read starts after
            // the joins it answers, so the group-first rule above still holds.
            var snapshot = await streams.SnapshotAfterAsync(streamId);
            if (isNew)
            {
                joined.Add(streamId);
                presence.Joined(streamId);
            }

            snapshot = await engagement.JoinedAsync(Context, snapshot, isNew);
            return snapshot;
        }
        catch (LiveCommerceException) when (isNew)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            throw;
        }
    }

    /// <summary>Leaves a stream's audience.</summary>
    public async Task LeaveStream(string streamId)
    {
        RequireId(streamId, "stream");
        if (Joined().Remove(streamId))
        {
            presence.Left(streamId);
            engagement.Left(Context, streamId);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, StreamGroups.Of(streamId));
        }
    }

    /// <summary>Sends a reaction: <c>like</c>, <c>heart</c>, <c>fire</c> or <c>clap</c>.</summary>
    public Task React(string streamId, string kind)
    {
        RequireUser("react");
        RequireJoined(streamId);
        if (kind is null || !ReactionKinds.All.Contains(kind))
        {
            throw new HubException("Unknown reaction; use like, heart, fire or clap.");
        }

        presence.Reacted(streamId);
        engagement.Reacted(Context, streamId);
        return Task.CompletedTask;
    }

    /// <summary>Posts a comment of 1 to 500 characters to every viewer of a live stream.</summary>
    public async Task Comment(string streamId, string text)
    {
        var userId = RequireUser("comment");
        RequireJoined(streamId);
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new HubException("A comment cannot be empty.");
        }

        if (trimmed.Length > MaxCommentLength)
        {
            throw new HubException($"A comment can be at most {MaxCommentLength} characters.");
        }

        await grains.GetGrain<ILiveStreamGrain>(streamId).PostCommentAsync(userId, trimmed);
        engagement.Commented(Context, streamId);
    }

    /// <summary>
    /// The viewer opened a product card of a stream they watch (anonymous viewers count per connection). <paramref name="surface"/>
    /// says where from: <c>list</c> (the default), <c>pinned</c>, <c>offer</c> or <c>chat</c>; only list clicks credit the list's ranking.
    /// </summary>
    public async Task ViewProduct(string streamId, string productId, string? surface = null)
    {
        RequireJoined(streamId);
        RequireId(productId, "product");
        if (!ClickSurfaces.TryParse(surface, out var from))
        {
            throw new HubException("Unknown surface; use list, pinned, offer or chat.");
        }

        await engagement.ViewedAsync(Context, streamId, productId, from);
    }

    /// <summary>Adds units of a product on the stream's list to the viewer's cart; answers with the cart.</summary>
    public async Task<Cart> AddToCart(string streamId, string productId, int quantity)
    {
        var userId = RequireUser("buy");
        RequireJoined(streamId);
        RequireId(productId, "product");
        var stream = await streams.ListingAsync(streamId, productId);
        if (stream is null || !stream.ProductIds.Contains(productId, StringComparer.Ordinal))
        {
            throw new HubException("That product is not sold in this stream.");
        }

        var cart = await grains.GetGrain<ICartGrain>(userId).AddItemAsync(streamId, productId, quantity);
        await engagement.AddedToCartAsync(Context, streamId, productId, quantity);
        return cart;
    }

    /// <summary>Claims one unit of a flash offer: it is held for the viewer and put in the cart at the offer price.</summary>
    public async Task<ClaimResult> ClaimOffer(string streamId, string offerId)
    {
        var userId = RequireUser("claim offers");
        RequireJoined(streamId);
        RequireId(offerId, "offer");
        var offer = grains.GetGrain<IFlashOfferGrain>(offerId);
        var claim = await offer.ClaimAsync(userId, streamId);
        if (claim.Line is { } line)
        {
            try
            {
                await grains.GetGrain<ICartGrain>(userId).AddHoldAsync(line);
            }
            catch
            {
                // A hold that cannot go into the cart goes back at once: a refused claim keeps nothing.
                await offer.ReleaseHoldAsync(line.ReservationId!, userId);
                throw;
            }
        }

        return claim.Result;
    }

    /// <summary>
    /// Bids on an auction of the stream (contract v2): <paramref name="amount"/> is the most the viewer will pay, in minor
    /// units; the engine bids for them up to it, one increment at a time.
    /// </summary>
    public Task<BidResult> PlaceBid(string streamId, string auctionId, long amount)
    {
        var userId = RequireUser("bid");
        RequireJoined(streamId);
        RequireId(auctionId, "auction");
        if (amount is < 1 or > Money.MaxAmount)
        {
            throw new HubException($"A bid is a whole number of minor units from 1 to {Money.MaxAmount}.");
        }

        return grains.GetGrain<IAuctionGrain>(auctionId).BidAsync(userId, streamId, amount);
    }

    /// <summary>Enters a giveaway of the stream (contract v2); winners are drawn at its end.</summary>
    public Task<EntryResult> EnterGiveaway(string streamId, string giveawayId)
    {
        var userId = RequireUser("enter giveaways");
        RequireJoined(streamId);
        RequireId(giveawayId, "giveaway");
        return grains.GetGrain<IGiveawayGrain>(giveawayId).EnterAsync(userId, streamId);
    }

    /// <summary>Claims a voucher dropped in the stream (contract v2): it applies at checkout until it expires.</summary>
    public async Task<VoucherClaimResult> ClaimVoucher(string streamId, string voucherId)
    {
        var userId = RequireUser("claim vouchers");
        RequireJoined(streamId);
        RequireId(voucherId, "voucher");
        var voucher = grains.GetGrain<IVoucherGrain>(voucherId);
        var claim = await voucher.ClaimAsync(userId, streamId);
        if (claim.Claimed is { } claimed)
        {
            try
            {
                await grains.GetGrain<ICartGrain>(userId).AddVoucherAsync(claimed);
            }
            catch
            {
                // A voucher that cannot go into the wallet is given back at once: a refused claim keeps nothing.
                await voucher.UnclaimAsync(userId, claimed.ClaimId);
                throw;
            }
        }

        return claim.Result;
    }

    /// <summary>Buys the whole cart or nothing; the same key always returns the same order.</summary>
    public async Task<Order> Checkout(string idempotencyKey)
    {
        var userId = RequireUser("check out");
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxKeyLength)
        {
            throw new HubException($"An idempotency key of 1 to {MaxKeyLength} characters is required.");
        }

        var order = await grains.GetGrain<ICartGrain>(userId).CheckoutAsync(idempotencyKey);
        engagement.CheckedOut(Context, order);
        return order;
    }

    /// <summary>The viewer's cart (contract v2).</summary>
    public Task<Cart> GetCart() => grains.GetGrain<ICartGrain>(RequireUser("see your cart")).GetAsync();

    /// <summary>Sets the units of a regular cart line; 0 removes it (contract v2).</summary>
    public Task<Cart> SetCartQuantity(string productId, int quantity)
    {
        var userId = RequireUser("change your cart");
        RequireId(productId, "product");
        if (quantity < 0)
        {
            throw new HubException("The quantity must be 0 or more.");
        }

        return grains.GetGrain<ICartGrain>(userId).SetQuantityAsync(productId, quantity);
    }

    /// <summary>Gives a held unit back at once and drops its line (contract v2).</summary>
    public Task<Cart> ReleaseHold(string reservationId)
    {
        var userId = RequireUser("change your cart");
        RequireId(reservationId, "reservation");
        return grains.GetGrain<ICartGrain>(userId).ReleaseHoldAsync(reservationId);
    }

    /// <summary>Does nothing: lets a client measure a round trip, or keep a connection warm.</summary>
    public Task Ping() => Task.CompletedTask;

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var streamId in Joined().All)
        {
            presence.Left(streamId);
            engagement.Left(Context, streamId);
        }

        Joined().Clear();
        return Task.CompletedTask;
    }

    private JoinedStreams Joined()
    {
        if (Context.Items.TryGetValue(JoinedKey, out var value) && value is JoinedStreams joined)
        {
            return joined;
        }

        joined = new JoinedStreams();
        Context.Items[JoinedKey] = joined;
        return joined;
    }

    private void RequireJoined(string streamId)
    {
        RequireId(streamId, "stream");
        if (!Joined().Contains(streamId))
        {
            throw new HubException("Join the stream first.");
        }
    }

    private string RequireUser(string action) =>
        Context.User.UserId() ?? throw new HubException($"Sign in to {action}.");

    private static void RequireId(string? id, string what)
    {
        if (!RequestValidation.IsId(id))
        {
            throw new HubException($"A valid {what} id is required.");
        }
    }
}
