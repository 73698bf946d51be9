using System.Security.Claims;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Sellers;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Sellers;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// <c>/api/sellers/{sellerId}/verification</c> (contract v2): admins verify what kind of seller a seller is, which
/// every product of that seller then shows (<c>verifiedSellerKind</c>, <c>sellerKindVerified</c>).
/// </summary>
public static class SellersApi
{
    /// <summary>Maps the seller endpoints.</summary>
    public static RouteGroupBuilder MapSellersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sellers").WithTags("Sellers").AddEndpointFilter(new RouteIdFilter { What = "seller" });
        group.MapPost("/{sellerId}/verification", VerifyAsync).RequireAuthorization(Roles.AdminOnly);
        group.MapGet("/{sellerId}/verification", GetVerificationAsync).RequireAuthorization(Roles.SignedIn);
        group.MapDelete("/{sellerId}/verification", RevokeAsync).RequireAuthorization(Roles.AdminOnly);
        return group;
    }

    private static async Task<Results<Ok<SellerVerification>, ValidationProblem>> VerifyAsync(
        string sellerId, VerifySellerRequest? request, IGrainFactory grains)
    {
        var errors = RequestValidation.Check(request);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await grains.GetGrain<ISellerGrain>(sellerId).VerifyAsync(request!.SellerKind!));
    }

    private static async Task<Ok<SellerVerification>> GetVerificationAsync(string sellerId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!string.Equals(user.UserId(), sellerId, StringComparison.Ordinal) && !user.IsInRole(Roles.Admin))
        {
            throw LiveCommerceException.Forbidden("A seller's verification is for that seller (and admins) only.");
        }

        return TypedResults.Ok(await grains.GetGrain<ISellerGrain>(sellerId).GetVerificationAsync()
            ?? throw LiveCommerceException.NotFound($"Seller '{sellerId}' is not verified."));
    }

    private static async Task<NoContent> RevokeAsync(string sellerId, IGrainFactory grains)
    {
        await grains.GetGrain<ISellerGrain>(sellerId).RevokeAsync();
        return TypedResults.NoContent();
    }
}
