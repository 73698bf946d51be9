namespace LiveCommerce.Contracts.Commerce;

/// <summary>The outcome of a claim on a flash offer.</summary>
public static class ClaimStatus
{
    /// <summary>A unit is held for the viewer.</summary>
    public const string Reserved = "reserved";

    /// <summary>Every unit is held or sold.</summary>
    public const string SoldOut = "soldOut";

    /// <summary>The offer is over.</summary>
    public const string Ended = "ended";

    /// <summary>The viewer holds or bought as many units as the offer allows.</summary>
    public const string LimitReached = "limitReached";

    /// <summary>No such offer in this stream.</summary>
    public const string NotFound = "notFound";
}
