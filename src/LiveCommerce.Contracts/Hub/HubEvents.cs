namespace LiveCommerce.Contracts.Hub;

/// <summary>The names of the events the engine pushes to viewers.</summary>
public static class HubEvents
{
    /// <summary>Payload: <see cref="Products.ProductCard"/>.</summary>
    public const string ProductPinned = nameof(ProductPinned);

    /// <summary>Payload: <see cref="Hub.ProductUnpinned"/>.</summary>
    public const string ProductUnpinned = nameof(ProductUnpinned);

    /// <summary>Payload: <see cref="Offers.Offer"/>.</summary>
    public const string OfferStarted = nameof(OfferStarted);

    /// <summary>Payload: <see cref="Hub.OfferUpdated"/>.</summary>
    public const string OfferUpdated = nameof(OfferUpdated);

    /// <summary>Payload: <see cref="Hub.OfferEnded"/>.</summary>
    public const string OfferEnded = nameof(OfferEnded);

    /// <summary>Payload: <see cref="Hub.ViewerCount"/>.</summary>
    public const string ViewerCount = nameof(ViewerCount);

    /// <summary>Payload: <see cref="Hub.CommentPosted"/>.</summary>
    public const string CommentPosted = nameof(CommentPosted);

    /// <summary>Payload: <see cref="Hub.StreamEnded"/>.</summary>
    public const string StreamEnded = nameof(StreamEnded);

    /// <summary>Payload: <see cref="Video.VideoStatus"/>.</summary>
    public const string VideoStatus = nameof(VideoStatus);

    /// <summary>Payload: <see cref="Auctions.Auction"/>.</summary>
    public const string AuctionStarted = nameof(AuctionStarted);

    /// <summary>Payload: <see cref="Auctions.BidPlaced"/> (folded per auction).</summary>
    public const string BidPlaced = nameof(BidPlaced);

    /// <summary>Payload: <see cref="Auctions.AuctionEnded"/>.</summary>
    public const string AuctionEnded = nameof(AuctionEnded);

    /// <summary>Payload: <see cref="Giveaways.Giveaway"/> (an addition to the contract).</summary>
    public const string GiveawayStarted = nameof(GiveawayStarted);

    /// <summary>Payload: <see cref="Giveaways.GiveawayUpdated"/> (folded per giveaway; an addition to the contract).</summary>
    public const string GiveawayUpdated = nameof(GiveawayUpdated);

    /// <summary>Payload: <see cref="Giveaways.GiveawayEnded"/>.</summary>
    public const string GiveawayEnded = nameof(GiveawayEnded);

    /// <summary>Payload: <see cref="Vouchers.Voucher"/>.</summary>
    public const string VoucherDropped = nameof(VoucherDropped);

    /// <summary>Payload: <see cref="Vouchers.VoucherUpdated"/> (folded per voucher; an addition to the contract).</summary>
    public const string VoucherUpdated = nameof(VoucherUpdated);

    /// <summary>Payload: <see cref="Vouchers.VoucherEnded"/>.</summary>
    public const string VoucherEnded = nameof(VoucherEnded);

    /// <summary>Payload: <see cref="Commerce.Cart"/>, to one viewer whose cart the engine changed (a won auction or giveaway).</summary>
    public const string CartUpdated = nameof(CartUpdated);
}
