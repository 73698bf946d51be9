namespace LiveCommerce.Contracts.Offers;

/// <summary>Whether a flash offer still takes claims.</summary>
public static class OfferStatus
{
    /// <summary>Taking claims.</summary>
    public const string Active = "active";

    /// <summary>Over.</summary>
    public const string Ended = "ended";
}
