using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// <c>/dev/token</c>: demo tokens signed with the engine's key. Mapped only in the Development environment;
/// in production the platform's identity service issues tokens.
/// </summary>
public static class DevelopmentApi
{
    private static readonly HashSet<string> KnownRoles = [Roles.Viewer, Roles.Creator, Roles.Seller, Roles.Admin];

    /// <summary>Maps the token endpoint.</summary>
    public static IEndpointRouteBuilder MapDevelopmentApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/dev/token", Issue).WithTags("Development");
        return routes;
    }

    /// <summary>The answer of <c>/dev/token</c>.</summary>
    /// <param name="Token">The JWT.</param>
    /// <param name="Sub">Its subject.</param>
    /// <param name="Roles">Its roles.</param>
    /// <param name="ExpiresAt">When it expires.</param>
    public sealed record DevToken(string Token, string Sub, string[] Roles, DateTimeOffset ExpiresAt);

    private static Results<Ok<DevToken>, ValidationProblem> Issue(string? sub, string? role, TokenIssuer issuer)
    {
        var subject = string.IsNullOrWhiteSpace(sub) ? "viewer-" + Random.Shared.Next(1000, 9999) : sub.Trim();
        var roles = (role ?? Roles.Viewer).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (subject.Length > 64 || roles.Length == 0 || roles.Any(r => !KnownRoles.Contains(r)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["role"] = ["role is a comma-separated list of viewer, creator, seller, admin; sub is at most 64 characters."],
            });
        }

        var (token, expiresAt) = issuer.Issue(subject, roles, TimeSpan.FromHours(12));
        return TypedResults.Ok(new DevToken(token, subject, roles, expiresAt));
    }
}
