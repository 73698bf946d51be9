namespace LiveCommerce.Contracts.Auctions;

/// <summary>The outcome of <c>PlaceBid</c>.</summary>
public static class BidStatus
{
    /// <summary>The bidder leads.</summary>
    public const string Leading = "leading";

    /// <summary>The bid was placed, but another bidder's maximum is at least as high and came first.</summary>
    public const string Outbid = "outbid";

    /// <summary>Below the starting bid, or below the current bid plus one increment; nothing changed.</summary>
    public const string TooLow = "tooLow";

    /// <summary>The auction is over.</summary>
    public const string Ended = "ended";

    /// <summary>No such auction in this stream.</summary>
    public const string NotFound = "notFound";
}
