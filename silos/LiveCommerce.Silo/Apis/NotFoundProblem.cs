using Microsoft.AspNetCore.Mvc;

namespace LiveCommerce.Silo.Apis;

/// <summary>The problem details of an unknown id.</summary>
public static class NotFoundProblem
{
    /// <summary>A 404 problem naming what was not found.</summary>
    public static ProblemDetails Of(string what, string id) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = $"No {what} has the id '{id}'.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    };
}
