namespace LiveCommerce.Contracts.Video;

/// <summary>The <c>VideoStatus</c> event: a stream's video went live or offline.</summary>
[GenerateSerializer, Immutable, Alias("lc.VideoStatus")]
public sealed record VideoStatus
{
    /// <summary>The stream.</summary>
    [Id(0)] public required string StreamId { get; init; }

    /// <summary><c>live</c> or <c>offline</c> (<see cref="VideoStates"/>).</summary>
    [Id(1)] public required string Status { get; init; }

    /// <summary>The live HLS playlist while the video is live, otherwise null.</summary>
    [Id(2)] public string? PlaybackUrl { get; init; }

    /// <summary>The event of <paramref name="video"/> for <paramref name="streamId"/>.</summary>
    public static VideoStatus Of(string streamId, StreamVideo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return new VideoStatus { StreamId = streamId, Status = video.Status, PlaybackUrl = video.PlaybackUrl };
    }
}
