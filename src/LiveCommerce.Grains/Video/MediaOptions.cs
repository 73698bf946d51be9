namespace LiveCommerce.Grains.Video;

/// <summary>
/// Where the media server is and how the engine talks with it (configuration section <c>Media</c>). The defaults
/// match <c>scripts/media.sh</c> run on the same machine with its own defaults.
/// </summary>
public sealed class MediaOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Media";

    /// <summary>The playback base used when neither the settings nor the media server name one.</summary>
    public const string DefaultPlaybackBaseUrl = "http://127.0.0.1:8088/hls";

    /// <summary>The RTMP address used when neither the settings nor the media server name one.</summary>
    public const string DefaultRtmpUrl = "rtmp://127.0.0.1:1935/live";

    /// <summary>The media server's RTMP application, appended to an address given without one.</summary>
    public const string DefaultApplication = "live";

    /// <summary>
    /// The RTMP address creators push to, as their encoders reach it (returned by <c>GET …/ingest</c>); an address
    /// without a path gets the application <c>/live</c>. Default: unset, which takes the address the media server
    /// gave when it started (<c>scripts/media.sh</c> gives <c>rtmp://127.0.0.1:{MEDIA_RTMP_PORT}/live</c>), and
    /// <see cref="DefaultRtmpUrl"/> when it gave none.
    /// </summary>
    public string? RtmpUrl { get; set; }

    /// <summary>
    /// The public address under which the media server serves HLS: <c>{PlaybackBaseUrl}/{streamId}.m3u8</c> is a
    /// stream's live playlist and <c>{PlaybackBaseUrl}/replay/{streamId}.m3u8</c> its recording. Default: unset, which
    /// takes the address the media server gives with each push, or else when it started (<c>scripts/media.sh</c> gives
    /// <c>http://127.0.0.1:{MEDIA_HTTP_PORT}/hls</c>), and <see cref="DefaultPlaybackBaseUrl"/> when it gave none.
    /// </summary>
    public string? PlaybackBaseUrl { get; set; }

    /// <summary>
    /// The secret the media server's callbacks carry (<c>?secret=…</c>, <c>MEDIA_CALLBACK_SECRET</c> of
    /// <c>scripts/media.sh</c>). Default: unset, in which case callbacks are accepted from loopback addresses only.
    /// </summary>
    public string? CallbackSecret { get; set; }

    /// <summary>
    /// A push the media server has not reported on for this long is taken as over (the media server or its link
    /// died without saying so). The media server reports every 5 seconds. Default 30 seconds.
    /// </summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most moments one stream's replay timeline keeps; later ones are left out and logged. Default 5,000.</summary>
    public int MaxTimelineEntries { get; set; } = 5_000;
}
