namespace LiveCommerce.Contracts.Hub;

/// <summary>The names of the methods a viewer calls on <c>/hubs/live</c>.</summary>
public static class HubMethods
{
    /// <summary>Hub route.</summary>
    public const string Path = "/hubs/live";

    /// <summary><c>JoinStream(streamId)</c> → <see cref="Streams.StreamSnapshot"/>.</summary>
    public const string JoinStream = nameof(JoinStream);

    /// <summary><c>LeaveStream(streamId)</c>.</summary>
    public const string LeaveStream = nameof(LeaveStream);

    /// <summary><c>React(streamId, kind)</c>.</summary>
    public const string React = nameof(React);

    /// <summary><c>Comment(streamId, text)</c>.</summary>
    public const string Comment = nameof(Comment);

    /// <summary><c>ViewProduct(streamId, productId)</c>.</summary>
    public const string ViewProduct = nameof(ViewProduct);

    /// <summary><c>AddToCart(streamId, productId, quantity)</c> → Cart.</summary>
    public const string AddToCart = nameof(AddToCart);

    /// <summary><c>ClaimOffer(streamId, offerId)</c> → ClaimResult.</summary>
    public const string ClaimOffer = nameof(ClaimOffer);

    /// <summary><c>GetCart()</c> → Cart (contract v2).</summary>
    public const string GetCart = nameof(GetCart);

    /// <summary><c>SetCartQuantity(productId, quantity)</c> → Cart; 0 removes a regular line (contract v2).</summary>
    public const string SetCartQuantity = nameof(SetCartQuantity);

    /// <summary><c>ReleaseHold(reservationId)</c> → Cart; the held unit goes back at once (contract v2).</summary>
    public const string ReleaseHold = nameof(ReleaseHold);

    /// <summary><c>Ping()</c>: an empty round trip (an addition to the contract).</summary>
    public const string Ping = nameof(Ping);

    /// <summary><c>Checkout(idempotencyKey)</c> → Order.</summary>
    public const string Checkout = nameof(Checkout);

    /// <summary><c>PlaceBid(streamId, auctionId, amount)</c> → BidResult (contract v2).</summary>
    public const string PlaceBid = nameof(PlaceBid);

    /// <summary><c>EnterGiveaway(streamId, giveawayId)</c> → EntryResult (contract v2).</summary>
    public const string EnterGiveaway = nameof(EnterGiveaway);

    /// <summary><c>ClaimVoucher(streamId, voucherId)</c> → VoucherClaimResult (contract v2).</summary>
    public const string ClaimVoucher = nameof(ClaimVoucher);
}
