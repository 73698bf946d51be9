using System.Security.Claims;

namespace LiveCommerce.Silo.Identity;

/// <summary>Reads the engine's identity out of a validated token.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The <c>sub</c> claim, or null for an anonymous caller.</summary>
    public static string? UserId(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst("sub")?.Value : null;

    /// <summary>The <c>sub</c> claim of a caller that an authorization policy already admitted.</summary>
    public static string RequiredUserId(this ClaimsPrincipal user) =>
        user.UserId() ?? throw new InvalidOperationException("The caller has no 'sub' claim.");
}
