namespace LiveCommerce.Contracts.Video;

/// <summary>A stream's video as viewers see it: the snapshot's <c>video</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.StreamVideo")]
public sealed record StreamVideo
{
    /// <summary>No video on air.</summary>
    public static readonly StreamVideo Offline = new() { Status = VideoStates.Offline };

    /// <summary><c>live</c> or <c>offline</c> (<see cref="VideoStates"/>).</summary>
    [Id(0)] public required string Status { get; init; }

    /// <summary>The live HLS playlist while the video is live, otherwise null.</summary>
    [Id(1)] public string? PlaybackUrl { get; init; }
}
