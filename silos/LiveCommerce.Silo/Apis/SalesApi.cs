using System.Security.Claims;
using LiveCommerce.Abstractions.Auctions;
using LiveCommerce.Abstractions.Giveaways;
using LiveCommerce.Abstractions.Sales;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Abstractions.Vouchers;
using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Vouchers;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// <c>/api/streams/{id}/auctions</c>, <c>/giveaways</c> and <c>/vouchers</c>: the live sale formats of contract v2. The
/// stream's creator starts and cancels them; anyone reads one by id (a giveaway's entrants go to the creator only).
/// </summary>
public static class SalesApi
{
    /// <summary>Maps the auction, giveaway and voucher endpoints.</summary>
    public static IEndpointRouteBuilder MapSalesApi(this IEndpointRouteBuilder routes)
    {
        var stream = routes.MapGroup("/api/streams/{id}").AddEndpointFilter(new RouteIdFilter { What = "stream" });
        var auctions = stream.MapGroup("/auctions").WithTags("Auctions");
        auctions.MapPost("/", StartAuctionAsync).RequireAuthorization(Roles.CanHostStreams);
        auctions.MapDelete("/{saleId}", CancelAsync).RequireAuthorization(Roles.CanHostStreams);
        auctions.MapGet("/{saleId}", GetAuctionAsync);
        var giveaways = stream.MapGroup("/giveaways").WithTags("Giveaways");
        giveaways.MapPost("/", StartGiveawayAsync).RequireAuthorization(Roles.CanHostStreams);
        giveaways.MapDelete("/{saleId}", CancelAsync).RequireAuthorization(Roles.CanHostStreams);
        giveaways.MapGet("/{saleId}", GetGiveawayAsync);
        var vouchers = stream.MapGroup("/vouchers").WithTags("Vouchers");
        vouchers.MapPost("/", DropVoucherAsync).RequireAuthorization(Roles.CanHostStreams);
        vouchers.MapDelete("/{saleId}", CancelAsync).RequireAuthorization(Roles.CanHostStreams);
        vouchers.MapGet("/{saleId}", GetVoucherAsync);
        return routes;
    }

    private static async Task<Results<Created<Auction>, ValidationProblem>> StartAuctionAsync(
        string id, CreateAuctionRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (request is null)
        {
            return BodyRequired();
        }

        var auction = await grains.GetGrain<IStreamSalesGrain>(id).StartAuctionAsync(user.RequiredUserId(), request);
        return TypedResults.Created($"/api/streams/{id}/auctions/{auction.Id}", auction);
    }

    private static async Task<Results<Created<Giveaway>, ValidationProblem>> StartGiveawayAsync(
        string id, CreateGiveawayRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (request is null)
        {
            return BodyRequired();
        }

        var giveaway = await grains.GetGrain<IStreamSalesGrain>(id).StartGiveawayAsync(user.RequiredUserId(), request);
        return TypedResults.Created($"/api/streams/{id}/giveaways/{giveaway.Id}", giveaway);
    }

    private static async Task<Results<Created<Voucher>, ValidationProblem>> DropVoucherAsync(
        string id, CreateVoucherRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (request is null)
        {
            return BodyRequired();
        }

        var voucher = await grains.GetGrain<IStreamSalesGrain>(id).DropVoucherAsync(user.RequiredUserId(), request);
        return TypedResults.Created($"/api/streams/{id}/vouchers/{voucher.Id}", voucher);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(string id, string saleId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!RequestValidation.IsId(saleId))
        {
            return NotFoundProblem.Result("sale", saleId);
        }

        await grains.GetGrain<IStreamSalesGrain>(id).CancelAsync(user.RequiredUserId(), saleId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Auction>, ProblemHttpResult>> GetAuctionAsync(string id, string saleId, IGrainFactory grains) =>
        RequestValidation.IsId(saleId) && await grains.GetGrain<IAuctionGrain>(saleId).GetAsync() is { } auction && auction.StreamId == id
            ? TypedResults.Ok(auction)
            : NotFoundProblem.Result("auction", saleId);

    private static async Task<Results<Ok<Giveaway>, ProblemHttpResult>> GetGiveawayAsync(string id, string saleId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!RequestValidation.IsId(saleId) || await grains.GetGrain<IGiveawayGrain>(saleId).GetAsync(false) is not { } giveaway || giveaway.StreamId != id)
        {
            return NotFoundProblem.Result("giveaway", saleId);
        }

        var stream = await grains.GetGrain<ILiveStreamGrain>(id).GetAsync();
        var isCreator = user.UserId() is { } caller && (caller == stream?.CreatorId || user.IsInRole(Roles.Admin));
        return TypedResults.Ok(isCreator ? (await grains.GetGrain<IGiveawayGrain>(saleId).GetAsync(true))! : giveaway);
    }

    private static async Task<Results<Ok<Voucher>, ProblemHttpResult>> GetVoucherAsync(string id, string saleId, IGrainFactory grains) =>
        RequestValidation.IsId(saleId) && await grains.GetGrain<IVoucherGrain>(saleId).GetAsync() is { } voucher && voucher.StreamId == id
            ? TypedResults.Ok(voucher)
            : NotFoundProblem.Result("voucher", saleId);

    private static ValidationProblem BodyRequired() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] });
}
