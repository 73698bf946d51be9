using LiveCommerce.Abstractions.Video;
using LiveCommerce.Grains.Video;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// One callback of the media server, read from its form (nginx-rtmp posts <c>call</c>, <c>name</c>, <c>clientid</c>,
/// <c>app</c>, <c>addr</c> and the push URL's own arguments, here <c>key</c>) and from the callback URL's query
/// (<c>playback</c>: where the media server serves HLS).
/// </summary>
/// <param name="StreamId">The push's name: the stream id.</param>
/// <param name="Call">What the video grain is told.</param>
public sealed record MediaCallback(string StreamId, PublishCall Call)
{
    /// <summary>The longest secret, session id and playback address accepted.</summary>
    public const int MaxKeyLength = 128;

    private const int MaxSessionIdLength = 32;
    private const int MaxPlaybackLength = 512;

    /// <summary>Reads the callback; answers it, or the validation errors that make it a 400.</summary>
    public static async Task<(MediaCallback? Callback, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!request.HasFormContentType)
        {
            errors["body"] = ["The media server posts application/x-www-form-urlencoded fields."];
            return (null, errors);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or BadHttpRequestException or FormatException)
        {
            errors["body"] = ["The form could not be read."];
            return (null, errors);
        }

        var name = Single(form, "name");
        var key = Single(form, StreamKeys.SecretArgument);
        var session = Single(form, "clientid");
        var playback = request.Query["playback"].Count == 1 ? request.Query["playback"][0] : null;
        if (!RequestValidation.IsId(name))
        {
            errors["name"] = ["name must be the stream id the push is named after."];
        }

        if (key is { Length: > MaxKeyLength })
        {
            errors["key"] = [$"key is at most {MaxKeyLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(session) || session.Length > MaxSessionIdLength || session.Any(char.IsControl))
        {
            errors["clientid"] = [$"clientid is the media server's connection id, 1 to {MaxSessionIdLength} characters."];
        }

        if (playback is not null && (playback.Length > MaxPlaybackLength || !VideoExtensions.IsUrl(playback, "http", "https")))
        {
            errors["playback"] = ["playback must be an absolute http:// or https:// address."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new MediaCallback(name!, new PublishCall(string.IsNullOrEmpty(key) ? null : key, session!, playback)), errors);
    }

    private static string? Single(IFormCollection form, string field) =>
        form.TryGetValue(field, out var values) && values.Count == 1 ? values[0] : null;
}
