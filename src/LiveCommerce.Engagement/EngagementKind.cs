namespace LiveCommerce.Engagement;

/// <summary>What a viewer did (or was shown) in a live stream.</summary>
public enum EngagementKind
{
    /// <summary>A product card was shown: a pin, an offer, or the product list of a snapshot.</summary>
    Impression = 0,

    /// <summary>A viewer opened a product card (<c>ViewProduct</c>).</summary>
    Click = 1,

    /// <summary>A viewer added units of a product to the cart.</summary>
    AddToCart = 2,

    /// <summary>Units of a product were bought (an order was confirmed).</summary>
    Purchase = 3,

    /// <summary>A viewer reacted.</summary>
    Reaction = 4,

    /// <summary>A viewer commented.</summary>
    Comment = 5,

    /// <summary>A connection joined the stream's audience.</summary>
    Join = 6,

    /// <summary>A connection left the stream's audience (or disconnected).</summary>
    Leave = 7,
}
