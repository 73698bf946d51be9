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
        var group = routes.MapGroup("/api/products").WithTags("Products").AddEndpointFilter(new RouteIdFilter { What = "product" });
        group.MapPost("/", CreateAsync).RequireAuthorization(Roles.CanListProducts);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}/terms", SetTermsAsync).RequireAuthorization(Roles.CanListProducts);
        group.MapDelete("/{id}/terms", RemoveTermsAsync).RequireAuthorization(Roles.CanListProducts);
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

    /// <summary>The most products one page lists.</summary>
    public const int MaxPageSize = 200;

    private static async Task<Results<Ok<IReadOnlyList<Product>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, IGrainFactory grains, string? sellerId = null, int page = 1, int pageSize = 100)
    {
        sellerId ??= user.UserId();
        if (!RequestValidation.IsId(sellerId) || page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["sellerId"] = [$"Name a seller (or sign in to list your own products); page starts at 1 and pageSize is 1 to {MaxPageSize}."],
            });
        }

        var ids = await grains.GetGrain<ISellerCatalogGrain>(sellerId).GetProductIdsAsync();
        var products = await Task.WhenAll(ids.Skip((page - 1) * pageSize).Take(pageSize).Select(id => grains.GetGrain<IProductGrain>(id).GetAsync()));
        return TypedResults.Ok<IReadOnlyList<Product>>(products.OfType<Product>().ToList());
    }

    private static async Task<Results<Ok<Product>, ValidationProblem>> SetTermsAsync(
        string id, SellerTerms? terms, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = RequestValidation.Check(terms);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await SaveTermsAsync(id, terms, user, grains));
    }

    private static async Task<Ok<Product>> RemoveTermsAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await SaveTermsAsync(id, null, user, grains));

    private static async Task<Product> SaveTermsAsync(string id, SellerTerms? terms, ClaimsPrincipal user, IGrainFactory grains)
    {
        var product = grains.GetGrain<IProductGrain>(id);
        var caller = user.RequiredUserId();
        if (user.IsInRole(Roles.Admin) && await product.GetAsync() is { } existing)
        {
            caller = existing.SellerId;
        }

        return await product.SetTermsAsync(caller, terms);
    }

    private static async Task<Results<Ok<Product>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        var product = RequestValidation.IsId(id) ? await grains.GetGrain<IProductGrain>(id).GetAsync() : null;
        return product is null
            ? NotFoundProblem.Result("product", id)
            : TypedResults.Ok(product);
    }
}
