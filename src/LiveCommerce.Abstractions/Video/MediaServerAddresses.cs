namespace LiveCommerce.Abstractions.Video;

/// <summary>The public addresses a media server gives for itself when it starts.</summary>
/// <param name="RtmpUrl">Where encoders push (its RTMP application), or null when it does not say.</param>
/// <param name="PlaybackBaseUrl">Where viewers find its HLS, or null when it does not say.</param>
[GenerateSerializer, Immutable, Alias("lc.MediaServerAddresses")]
public sealed record MediaServerAddresses(
    [property: Id(0)] string? RtmpUrl,
    [property: Id(1)] string? PlaybackBaseUrl);
