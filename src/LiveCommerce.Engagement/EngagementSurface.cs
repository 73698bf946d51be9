namespace LiveCommerce.Engagement;

/// <summary>Where an impression was shown.</summary>
public enum EngagementSurface
{
    /// <summary>The product list of a stream snapshot (<c>JoinStream</c>).</summary>
    List = 0,

    /// <summary>The pinned product card (a pin, or the pinned card of a snapshot).</summary>
    Pin = 1,

    /// <summary>A flash offer card.</summary>
    Offer = 2,
}
