namespace LiveCommerce.Grains.Offers;

/// <summary>The life of a hold: held, then sold or lapsed.</summary>
public static class HoldStatus
{
    /// <summary>The unit is kept for the viewer until the hold expires.</summary>
    public const string Held = "held";

    /// <summary>The viewer bought it.</summary>
    public const string Sold = "sold";

    /// <summary>It expired unbought; the unit went back to the offer or to stock.</summary>
    public const string Lapsed = "lapsed";
}
