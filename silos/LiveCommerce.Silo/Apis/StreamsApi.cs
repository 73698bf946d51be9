using System.Security.Claims;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveCommerce.Silo.Apis;

/// <summary><c>/api/streams</c>: creating and running live streams.</summary>
public static class StreamsApi
{
    /// <summary>Maps the stream endpoints.</summary>
    public static RouteGroupBuilder MapStreamsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/streams").WithTags("Streams").AddEndpointFilter(new RouteIdFilter { What = "stream" });
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.CanHostStreams);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/products", AddProductAsync).RequireAuthorization(Roles.CanHostStreams);
        group.MapPost("/{id}/start", StartAsync).RequireAuthorization(Roles.CanHostStreams);
        group.MapPost("/{id}/end", EndAsync).RequireAuthorization(Roles.CanHostStreams);
        group.MapPost("/{id}/pin", PinAsync).RequireAuthorization(Roles.CanHostStreams);
        group.MapDelete("/{id}/pin", UnpinAsync).RequireAuthorization(Roles.CanHostStreams);
        return group;
    }

    private static async Task<Results<Created<LiveStream>, ValidationProblem>> CreateAsync(
        CreateStreamRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = RequestValidation.Check(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var id = Guid.NewGuid().ToString("N");
        var stream = await grains.GetGrain<ILiveStreamGrain>(id)
            .CreateAsync(user.RequiredUserId(), request!.Title!.Trim(), request.ProductIds ?? [], request.VideoUrl);
        return TypedResults.Created($"/api/streams/{id}", stream);
    }

    private static async Task<Results<Ok<IReadOnlyList<StreamListing>>, ValidationProblem>> ListAsync(string? creatorId, IGrainFactory grains) =>
        creatorId is not null && !RequestValidation.IsId(creatorId)
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["creatorId"] = ["creatorId must be a user id of 1 to 64 characters."] })
            : TypedResults.Ok(await grains.GetGrain<IStreamDirectoryGrain>(0).ListAsync(creatorId));

    private static async Task<Results<Ok<StreamSnapshot>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        if (!RequestValidation.IsId(id))
        {
            return NotFoundProblem.Result("stream", id);
        }

        var grain = grains.GetGrain<ILiveStreamGrain>(id);
        return await grain.GetAsync() is not null
            ? TypedResults.Ok(await grain.GetSnapshotAsync())
            : NotFoundProblem.Result("stream", id);
    }

    private static async Task<Results<Ok<LiveStream>, ValidationProblem>> AddProductAsync(
        string id, ProductRef? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = RequestValidation.Check(request);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await grains.GetGrain<ILiveStreamGrain>(id).AddProductAsync(user.RequiredUserId(), request!.ProductId!));
    }

    private static async Task<Ok<LiveStream>> StartAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILiveStreamGrain>(id).StartAsync(user.RequiredUserId()));

    private static async Task<Ok<LiveStream>> EndAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILiveStreamGrain>(id).EndAsync(user.RequiredUserId()));

    private static async Task<Results<Ok<ProductCard>, ValidationProblem>> PinAsync(
        string id, ProductRef? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = RequestValidation.Check(request);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await grains.GetGrain<ILiveStreamGrain>(id).PinAsync(user.RequiredUserId(), request!.ProductId!));
    }

    private static async Task<NoContent> UnpinAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ILiveStreamGrain>(id).UnpinAsync(user.RequiredUserId());
        return TypedResults.NoContent();
    }
}
