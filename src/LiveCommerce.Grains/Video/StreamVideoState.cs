using LiveCommerce.Abstractions.Video;

namespace LiveCommerce.Grains.Video;

/// <summary>The stored state of a <see cref="StreamVideoGrain"/>.</summary>
[GenerateSerializer, Alias("lc.StreamVideoState")]
public sealed class StreamVideoState
{
    /// <summary>The secret part of the current stream key, or null before the creator first asked for it.</summary>
    [Id(0)] public string? KeySecret { get; set; }

    /// <summary>How many keys were issued (1 for the first, +1 for each rotation).</summary>
    [Id(1)] public int KeyVersion { get; set; }

    /// <summary>Every push the media server reported, oldest first; the recording is made of them.</summary>
    [Id(2)] public List<PublishSession> Sessions { get; set; } = [];

    /// <summary>The moments of the replay's timeline, as they were recorded.</summary>
    [Id(3)] public List<TimelineEntry> Timeline { get; set; } = [];
}
