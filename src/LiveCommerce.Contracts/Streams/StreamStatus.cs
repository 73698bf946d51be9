namespace LiveCommerce.Contracts.Streams;

/// <summary>The life cycle of a live stream: scheduled, then live, then ended.</summary>
public static class StreamStatus
{
    /// <summary>Created, not started yet; viewers may wait in it.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>On air.</summary>
    public const string Live = "live";

    /// <summary>Over; it cannot be started again.</summary>
    public const string Ended = "ended";
}
