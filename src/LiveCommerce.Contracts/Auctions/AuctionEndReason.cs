namespace LiveCommerce.Contracts.Auctions;

/// <summary>Why an auction ended.</summary>
public static class AuctionEndReason
{
    /// <summary>The highest maximum won; the unit is held in the winner's cart.</summary>
    public const string Sold = "sold";

    /// <summary>Nobody bid; the unit went back to stock.</summary>
    public const string NoBids = "noBids";

    /// <summary>No maximum reached the reserve price; the unit went back to stock.</summary>
    public const string ReserveNotMet = "reserveNotMet";

    /// <summary>The creator cancelled it (or ended the stream); the unit went back to stock.</summary>
    public const string Cancelled = "cancelled";
}
