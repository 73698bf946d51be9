namespace LiveCommerce.Contracts.Offers;

/// <summary>Why a flash offer ended.</summary>
public static class OfferEndReason
{
    /// <summary>Every unit is held or sold.</summary>
    public const string SoldOut = "soldOut";

    /// <summary>Its end time passed.</summary>
    public const string Expired = "expired";

    /// <summary>The creator ended it.</summary>
    public const string Cancelled = "cancelled";
}
