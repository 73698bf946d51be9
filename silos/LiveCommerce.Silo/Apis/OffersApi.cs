using System.Security.Claims;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCommerce.Silo.Apis;

/// <summary><c>/api/streams/{id}/offers</c>: flash offers.</summary>
public static class OffersApi
{
    /// <summary>Maps the offer endpoints.</summary>
    public static RouteGroupBuilder MapOffersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/streams/{id}/offers").WithTags("Offers").RequireAuthorization(Roles.CanHostStreams)
            .AddEndpointFilter(new RouteIdFilter { What = "stream" });
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{offerId}", CancelAsync);
        return group;
    }

    private static async Task<Results<Created<Offer>, ValidationProblem>> CreateAsync(
        string id, CreateOfferRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = RequestValidation.Check(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var offer = await grains.GetGrain<ILiveStreamGrain>(id).CreateOfferAsync(user.RequiredUserId(), request!);
        return TypedResults.Created($"/api/streams/{id}/offers/{offer.Id}", offer);
    }

    private static async Task<NoContent> CancelAsync(string id, string offerId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ILiveStreamGrain>(id).CancelOfferAsync(user.RequiredUserId(), offerId);
        return TypedResults.NoContent();
    }
}
