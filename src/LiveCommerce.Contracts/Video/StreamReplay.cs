namespace LiveCommerce.Contracts.Video;

/// <summary>An ended stream's shoppable replay: the recording and the product moments along it.</summary>
[GenerateSerializer, Immutable, Alias("lc.StreamReplay")]
public sealed record StreamReplay
{
    /// <summary>The stream.</summary>
    [Id(0)] public required string StreamId { get; init; }

    /// <summary>The recording as a finished (VOD) HLS playlist, or null when the stream never had video.</summary>
    [Id(1)] public string? PlaybackUrl { get; init; }

    /// <summary>How long the recorded video runs, in seconds, as the engine measured its publishing.</summary>
    [Id(2)] public double DurationSeconds { get; init; }

    /// <summary>Pins, offers and auctions with their offsets from the start of the video, in order.</summary>
    [Id(3)] public required IReadOnlyList<ReplayMoment> Timeline { get; init; }
}
