using LiveCommerce.Abstractions.Video;
using LiveCommerce.Grains.Video;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// <c>/api/media</c>: the callbacks of the media server (nginx with the RTMP module, <c>media/nginx.conf</c>).
/// <c>publish</c> asks whether a push may start (2xx allows it, 4xx refuses it), <c>update</c> reports every few
/// seconds that it goes on (4xx makes the media server drop it), <c>publish-done</c> that it stopped; <c>announce</c> is
/// sent by <c>scripts/media.sh</c> when the media server starts, with its public addresses. Guarded by
/// <see cref="MediaCallbackFilter"/>; not limited per caller, since every push of a media server comes from one address.
/// </summary>
public static class MediaServerApi
{
    /// <summary>The path the callbacks live under.</summary>
    public const string Path = "/api/media";

    /// <summary>Maps the callbacks.</summary>
    public static RouteGroupBuilder MapMediaServerApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Path).WithTags("Media server").AddEndpointFilter<MediaCallbackFilter>().ExcludeFromDescription();
        group.MapPost("/publish", PublishAsync);
        group.MapPost("/update", UpdateAsync);
        group.MapPost("/publish-done", PublishDoneAsync);
        group.MapPost("/announce", AnnounceAsync);
        return group;
    }

    private static async Task<Results<NoContent, ValidationProblem>> AnnounceAsync(HttpRequest request, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!request.HasFormContentType)
        {
            errors["body"] = ["The media server posts application/x-www-form-urlencoded fields."];
            return TypedResults.ValidationProblem(errors);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or BadHttpRequestException or FormatException)
        {
            errors["body"] = ["The form could not be read."];
            return TypedResults.ValidationProblem(errors);
        }

        var rtmp = Address(form, "rtmp", errors, "rtmp", "rtmps");
        var playback = Address(form, "playback", errors, "http", "https");
        if (errors.Count > 0 || (rtmp is null && playback is null))
        {
            errors.TryAdd("rtmp", ["Give rtmp (the RTMP application address) and/or playback (the HLS base address)."]);
            return TypedResults.ValidationProblem(errors);
        }

        await grains.GetGrain<IMediaServerGrain>(0).AnnounceAsync(new MediaServerAddresses(rtmp, playback));
        return TypedResults.NoContent();
    }

    private static string? Address(IFormCollection form, string field, Dictionary<string, string[]> errors, params string[] schemes)
    {
        if (!form.TryGetValue(field, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return null;
        }

        var value = values.Count == 1 ? values[0] : null;
        if (value is null || value.Length > 512 || !VideoExtensions.IsUrl(value, schemes))
        {
            errors[field] = [$"{field} must be an absolute {string.Join(" or ", schemes.Select(s => s + "://"))} address of at most 512 characters."];
            return null;
        }

        return value.TrimEnd('/');
    }

    private static Task<Results<NoContent, ValidationProblem>> PublishAsync(HttpRequest request, IGrainFactory grains) =>
        HandleAsync(request, (video, call) => video.AuthorizePublishAsync(call), grains);

    private static Task<Results<NoContent, ValidationProblem>> UpdateAsync(HttpRequest request, IGrainFactory grains) =>
        HandleAsync(request, (video, call) => video.ContinuePublishAsync(call), grains);

    private static Task<Results<NoContent, ValidationProblem>> PublishDoneAsync(HttpRequest request, IGrainFactory grains) =>
        HandleAsync(request, (video, call) => video.PublishEndedAsync(call), grains);

    private static async Task<Results<NoContent, ValidationProblem>> HandleAsync(
        HttpRequest request, Func<IStreamVideoGrain, PublishCall, Task> tell, IGrainFactory grains)
    {
        var (callback, errors) = await MediaCallback.ReadAsync(request);
        if (callback is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await tell(grains.GetGrain<IStreamVideoGrain>(callback.StreamId), callback.Call);
        return TypedResults.NoContent();
    }
}
