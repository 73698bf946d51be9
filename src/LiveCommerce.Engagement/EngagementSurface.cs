namespace LiveCommerce.Engagement;

/// <summary>Where an impression was shown, or where a click came from.</summary>
public enum EngagementSurface
{
    /// <summary>The product list of a stream snapshot (<c>JoinStream</c>).</summary>
    List = 0,

    /// <summary>A pin pushed to the audience (also records when the product was pinned).</summary>
    Pin = 1,

    /// <summary>A flash offer card.</summary>
    Offer = 2,

    /// <summary>The pinned card in the snapshot a joining viewer gets.</summary>
    PinnedCard = 3,

    /// <summary>A product named in the chat (clicks only).</summary>
    Chat = 4,
}
