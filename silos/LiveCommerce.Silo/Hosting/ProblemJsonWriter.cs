using Microsoft.AspNetCore.Http.Json;
using ProblemDetailsOptions = Microsoft.AspNetCore.Http.ProblemDetailsOptions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Silo.Hosting;

/// <summary>
/// The last problem details writer: writes <c>application/problem+json</c> whatever the request's
/// <c>Accept</c> header says (<c>text/html</c>, <c>image/png</c>, none), so an error is never turned into a 500
/// because no writer matched. The framework's own writer still answers the requests that accept JSON.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    /// <summary>The media type of problem details (RFC 9457).</summary>
    public const string MediaType = "application/problem+json";

    /// <inheritdoc />
    public bool CanWrite(ProblemDetailsContext context) => true;

    /// <inheritdoc />
    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, MediaType, http.RequestAborted));
    }
}
