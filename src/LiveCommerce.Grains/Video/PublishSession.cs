namespace LiveCommerce.Grains.Video;

/// <summary>One push the media server took (an RTMP publishing session), as stored by the video grain.</summary>
[GenerateSerializer, Alias("lc.PublishSession")]
public sealed class PublishSession
{
    /// <summary>The media server's id of the connection (nginx's <c>clientid</c>; it restarts with the media server).</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>When the media server authorized it.</summary>
    [Id(1)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it stopped, or null while it is on air.</summary>
    [Id(2)] public DateTimeOffset? EndedAt { get; set; }

    /// <summary>When the media server last reported it.</summary>
    [Id(3)] public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Where the media server said it serves its HLS, if it said.</summary>
    [Id(4)] public string? PlaybackBaseUrl { get; set; }

    /// <summary>True when it was ended because the media server stopped reporting it (it may still come back).</summary>
    [Id(5)] public bool TimedOut { get; set; }

    /// <summary>Whether it is on air.</summary>
    public bool IsOpen => EndedAt is null;
}
