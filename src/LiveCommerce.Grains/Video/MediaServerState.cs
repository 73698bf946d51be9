using LiveCommerce.Abstractions.Video;

namespace LiveCommerce.Grains.Video;

/// <summary>The stored state of a <see cref="MediaServerGrain"/>.</summary>
[GenerateSerializer, Alias("lc.MediaServerState")]
public sealed class MediaServerState
{
    /// <summary>The addresses the media server last gave, or null.</summary>
    [Id(0)] public MediaServerAddresses? Addresses { get; set; }

    /// <summary>When it gave them.</summary>
    [Id(1)] public DateTimeOffset AnnouncedAt { get; set; }
}
