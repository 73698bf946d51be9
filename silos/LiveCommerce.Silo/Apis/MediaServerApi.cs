using LiveCommerce.Abstractions.Video;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// <c>/api/media</c>: the callbacks of the media server (nginx with the RTMP module, <c>media/nginx.conf</c>).
/// <c>publish</c> asks whether a push may start (2xx allows it, 4xx refuses it), <c>update</c> reports every few
/// seconds that it goes on (4xx makes the media server drop it), <c>publish-done</c> that it stopped. Guarded by
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
        return group;
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
