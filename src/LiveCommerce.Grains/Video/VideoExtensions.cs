using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Grains.Video;

/// <summary>Registers the video feature.</summary>
public static class VideoExtensions
{
    /// <summary>
    /// Binds the <c>Media</c> settings (<see cref="MediaOptions"/>), validated at start: absolute <c>rtmp://</c> and
    /// <c>http(s)://</c> addresses, a positive session timeout, and a positive timeline size.
    /// </summary>
    public static IServiceCollection AddLiveVideo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.Section))
            .Validate(o => o.RtmpUrl is null || IsUrl(o.RtmpUrl, "rtmp", "rtmps"), "Media:RtmpUrl must be an absolute rtmp:// or rtmps:// address.")
            .Validate(o => o.PlaybackBaseUrl is null || IsUrl(o.PlaybackBaseUrl, "http", "https"), "Media:PlaybackBaseUrl must be an absolute http:// or https:// address.")
            .Validate(o => o.SessionTimeout > TimeSpan.Zero && o.MaxTimelineEntries > 0, "Media:SessionTimeout and Media:MaxTimelineEntries must be positive.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Whether <paramref name="value"/> is an absolute address with one of <paramref name="schemes"/>.</summary>
    public static bool IsUrl(string? value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
