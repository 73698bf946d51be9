using System.Security.Claims;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCommerce.Silo.Apis;

/// <summary><c>/api/products</c>: the catalog.</summary>
public static class ProductsApi
{
    /// <summary>Maps the catalog endpoints.</summary>
    public static RouteGroupBuilder MapProductsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/products").WithTags("Products");
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.CanListProducts);
        group.MapGet("/{id}", GetAsync);
        return group;
    }

    private static async Task<Results<Created<Product>, ValidationProblem>> CreateAsync(
        CreateProductRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = RequestValidation.Check(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var product = await grains.GetGrain<ISellerCatalogGrain>(user.RequiredUserId()).CreateProductAsync(request!);
        return TypedResults.Created($"/api/products/{product.Id}", product);
    }

    private static async Task<Results<Ok<Product>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetAsync(string id, IGrainFactory grains)
    {
        var product = id.Length <= 64 ? await grains.GetGrain<IProductGrain>(id).GetAsync() : null;
        return product is null
            ? TypedResults.NotFound(NotFoundProblem.Of("product", id))
            : TypedResults.Ok(product);
    }
}
