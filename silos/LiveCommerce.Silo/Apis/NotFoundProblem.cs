using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveCommerce.Silo.Apis;

/// <summary>The problem details of an unknown id, written as <c>application/problem+json</c>.</summary>
public static class NotFoundProblem
{
    /// <summary>The longest part of an unknown id quoted back in the detail.</summary>
    public const int MaxQuotedLength = 64;

    /// <summary>A 404 problem naming what was not found.</summary>
    public static ProblemDetails Of(string what, string? id) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = $"No {what} has the id '{Quote(id)}'.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    };

    /// <summary>The 404 result of an unknown id, as problem details.</summary>
    public static ProblemHttpResult Result(string what, string? id) => TypedResults.Problem(Of(what, id));

    /// <summary>An id as it may be quoted back: at most <see cref="MaxQuotedLength"/> characters.</summary>
    public static string Quote(string? id) =>
        id is null ? string.Empty : id.Length <= MaxQuotedLength ? id : string.Concat(id.AsSpan(0, MaxQuotedLength), "…");
}
