using Microsoft.AspNetCore.Routing;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// Answers 404 problem details for any id in the path that no resource can have (blank, too long, control
/// characters) before the endpoint runs, so such ids never reach a grain.
/// </summary>
public sealed class RouteIdFilter : IEndpointFilter
{
    private static readonly (string Name, string What)[] Ids =
    [
        ("id", string.Empty), ("offerId", "offer"), ("sellerId", "seller"), ("orderId", "order"), ("productId", "product"),
    ];

    /// <summary>What the group's <c>{id}</c> names: <c>product</c>, <c>stream</c>, <c>order</c>.</summary>
    public required string What { get; init; }

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.GetRouteData().Values;
        foreach (var (name, what) in Ids)
        {
            if (values.TryGetValue(name, out var value) && !RequestValidation.IsId(value as string))
            {
                return ValueTask.FromResult<object?>(NotFoundProblem.Result(what.Length == 0 ? What : what, value as string));
            }
        }

        return next(context);
    }
}
