namespace LiveCommerce.Contracts.Video;

/// <summary>Where and with what a creator's encoder (OBS, a phone app, ffmpeg) pushes the stream's video.</summary>
[GenerateSerializer, Immutable, Alias("lc.StreamIngest")]
public sealed record StreamIngest
{
    /// <summary>The RTMP server address, for example <c>rtmp://media.example.com:1935/live</c>.</summary>
    [Id(0)] public required string RtmpUrl { get; init; }

    /// <summary>
    /// The stream key, a secret for the creator only. The encoder pushes to <c>{rtmpUrl}/{streamKey}</c>
    /// (OBS: "Server" and "Stream Key").
    /// </summary>
    [Id(1)] public required string StreamKey { get; init; }
}
