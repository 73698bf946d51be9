namespace LiveCommerce.Grains.Auctions;

/// <summary>Where an auction is in its life. Only active and ended auctions are visible.</summary>
public static class AuctionPhase
{
    /// <summary>Stored, its unit being taken from stock; it becomes active, or is aborted.</summary>
    public const string Starting = "starting";

    /// <summary>Taking bids.</summary>
    public const string Active = "active";

    /// <summary>Decided: sold, no bids, reserve not met, or cancelled.</summary>
    public const string Ended = "ended";

    /// <summary>It never started; nothing of it is left in stock.</summary>
    public const string Aborted = "aborted";
}
