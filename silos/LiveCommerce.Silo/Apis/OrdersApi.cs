using System.Security.Claims;
using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Orders;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCommerce.Silo.Apis;

/// <summary><c>/api/orders</c>: a buyer's orders.</summary>
public static class OrdersApi
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Maps the order endpoints.</summary>
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(Roles.SignedIn)
            .AddEndpointFilter(new RouteIdFilter { What = "order" });
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        return group;
    }

    private static async Task<Results<Ok<OrderPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, IGrainFactory grains, int page = 1, int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["page"] = [$"page starts at 1 and pageSize is 1 to {MaxPageSize}."],
            });
        }

        return TypedResults.Ok(await grains.GetGrain<ICartGrain>(user.RequiredUserId()).GetOrdersAsync(page, pageSize));
    }

    private static async Task<Ok<Order>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var order = id.Length <= 64 ? await grains.GetGrain<IOrderGrain>(id).GetAsync() : null;
        if (order is null)
        {
            throw LiveCommerceException.NotFound($"No order has the id '{id}'.");
        }

        if (order.BuyerId != user.RequiredUserId() && !user.IsInRole(Roles.Admin))
        {
            throw LiveCommerceException.Forbidden("This order belongs to another buyer.");
        }

        return TypedResults.Ok(order);
    }
}
