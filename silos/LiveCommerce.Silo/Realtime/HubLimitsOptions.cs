namespace LiveCommerce.Silo.Realtime;

/// <summary>Per-viewer limits on hub calls (configuration section <c>Hub</c>). Each is a token bucket per user and method.</summary>
public sealed class HubLimitsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Hub";

    /// <summary>Comments per second a viewer may post, sustained. Default 1.</summary>
    public double CommentsPerSecond { get; set; } = 1;

    /// <summary>Comments a viewer may post in a burst. Default 3.</summary>
    public int CommentBurst { get; set; } = 3;

    /// <summary>Reactions per second a viewer may send, sustained. Default 5.</summary>
    public double ReactionsPerSecond { get; set; } = 5;

    /// <summary>Reactions a viewer may send in a burst. Default 10.</summary>
    public int ReactionBurst { get; set; } = 10;

    /// <summary>Offer claims per second a viewer may make, sustained. Default 2.</summary>
    public double ClaimsPerSecond { get; set; } = 2;

    /// <summary>Offer claims a viewer may make in a burst. Default 4.</summary>
    public int ClaimBurst { get; set; } = 4;

    /// <summary>Product cards a connection may open per second, sustained. Default 5.</summary>
    public double ViewsPerSecond { get; set; } = 5;

    /// <summary>Product cards a connection may open in a burst. Default 10.</summary>
    public int ViewBurst { get; set; } = 10;

    /// <summary>Streams one connection may have joined at once. Default 5.</summary>
    public int MaxStreamsPerConnection { get; set; } = 5;

    /// <summary>How often each silo reports its viewers of each stream to the stream. Default 1 second.</summary>
    public TimeSpan PresenceReportInterval { get; set; } = TimeSpan.FromSeconds(1);
}
