namespace LiveCommerce.Contracts.Video;

/// <summary>The <c>kind</c> of a <see cref="ReplayMoment"/>.</summary>
public static class TimelineKinds
{
    /// <summary>A product was pinned.</summary>
    public const string Pinned = "pinned";

    /// <summary>The pinned product was taken down.</summary>
    public const string Unpinned = "unpinned";

    /// <summary>A flash offer started.</summary>
    public const string OfferStarted = "offerStarted";

    /// <summary>A flash offer ended.</summary>
    public const string OfferEnded = "offerEnded";

    /// <summary>A live auction started.</summary>
    public const string AuctionStarted = "auctionStarted";

    /// <summary>A live auction ended.</summary>
    public const string AuctionEnded = "auctionEnded";

    /// <summary>Every kind, in the contract's order.</summary>
    public static readonly IReadOnlyList<string> All = [Pinned, Unpinned, OfferStarted, OfferEnded, AuctionStarted, AuctionEnded];
}
