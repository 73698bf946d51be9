namespace LiveCommerce.Grains.Offers;

/// <summary>Where an offer is in its life. Only active and ended offers are visible.</summary>
public static class OfferPhase
{
    /// <summary>Stored, its units being lent by the product; it becomes active, or is aborted.</summary>
    public const string Starting = "starting";

    /// <summary>Running: viewers claim its units.</summary>
    public const string Active = "active";

    /// <summary>Sold out, expired or cancelled; holds still open may be bought or lapse back to stock.</summary>
    public const string Ended = "ended";

    /// <summary>It never started (its units were refused, or the start could not be confirmed); nothing of it is left in stock.</summary>
    public const string Aborted = "aborted";
}
