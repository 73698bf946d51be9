using System.Security.Claims;
using LiveCommerce.Abstractions.Video;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// A stream's video (contract v2): <c>GET /api/streams/{id}/ingest</c> and <c>POST …/ingest/rotate</c> for its
/// creator (where and with which key to push), and <c>GET …/replay</c> for anyone once the stream has ended.
/// </summary>
public static class VideoApi
{
    /// <summary>Maps the video endpoints.</summary>
    public static RouteGroupBuilder MapVideoApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/streams/{id}").WithTags("Video").AddEndpointFilter(new RouteIdFilter { What = "stream" });
        group.MapGet("/ingest", GetIngestAsync).RequireAuthorization(Roles.CanHostStreams);
        group.MapPost("/ingest/rotate", RotateAsync).RequireAuthorization(Roles.CanHostStreams);
        group.MapGet("/replay", GetReplayAsync);
        return group;
    }

    private static async Task<Ok<StreamIngest>> GetIngestAsync(string id, ClaimsPrincipal user, HttpResponse response, IGrainFactory grains)
    {
        var ingest = await grains.GetGrain<IStreamVideoGrain>(id).GetIngestAsync(user.RequiredUserId());
        response.Headers[HeaderNames.CacheControl] = "no-store";
        return TypedResults.Ok(ingest);
    }

    private static async Task<Ok<StreamIngest>> RotateAsync(string id, ClaimsPrincipal user, HttpResponse response, IGrainFactory grains)
    {
        var ingest = await grains.GetGrain<IStreamVideoGrain>(id).RotateKeyAsync(user.RequiredUserId());
        response.Headers[HeaderNames.CacheControl] = "no-store";
        return TypedResults.Ok(ingest);
    }

    private static async Task<Ok<StreamReplay>> GetReplayAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IStreamVideoGrain>(id).GetReplayAsync());
}
