namespace LiveCommerce.Contracts.Video;

/// <summary>Whether a stream's video is on air: the <c>status</c> of <see cref="StreamVideo"/> and <see cref="VideoStatus"/>.</summary>
public static class VideoStates
{
    /// <summary>The media server is taking the creator's push and publishing it.</summary>
    public const string Live = "live";

    /// <summary>No push is on air (not started yet, paused, or over).</summary>
    public const string Offline = "offline";
}
