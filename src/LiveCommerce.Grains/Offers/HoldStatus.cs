namespace LiveCommerce.Grains.Offers;

/// <summary>The life of a hold: held, then sold, lapsed or released (a sale taken back makes it held again).</summary>
public static class HoldStatus
{
    /// <summary>The unit is kept for the viewer until the hold expires.</summary>
    public const string Held = "held";

    /// <summary>The viewer bought it.</summary>
    public const string Sold = "sold";

    /// <summary>It expired unbought; the unit went back to the offer or to stock.</summary>
    public const string Lapsed = "lapsed";

    /// <summary>The viewer gave it back; the unit went back to the offer or to stock.</summary>
    public const string Released = "released";
}
