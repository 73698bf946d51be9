namespace LiveCommerce.Abstractions.Video;

/// <summary>What the media server tells the engine about one push (one RTMP publishing session).</summary>
/// <param name="Key">The secret part of the stream key the encoder pushed with, or null when it gave none.</param>
/// <param name="SessionId">The media server's id of the publishing connection (nginx's <c>clientid</c>).</param>
/// <param name="PlaybackBaseUrl">Where the media server says it serves this push's HLS, or null when it does not say.</param>
[GenerateSerializer, Immutable, Alias("lc.PublishCall")]
public sealed record PublishCall(
    [property: Id(0)] string? Key,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string? PlaybackBaseUrl);
