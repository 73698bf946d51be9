using LiveCommerce.Abstractions.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LiveCommerce.Silo.Hosting;

/// <summary>Turns the engine's rule violations and malformed requests into problem details with the right status.</summary>
public sealed class LiveCommerceExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            LiveCommerceException rule => (StatusOf(rule.Kind), TitleOf(rule.Kind), rule.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", BadRequestDetail(bad)),
            _ when IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable",
                "The engine could not complete this just now; nothing was confirmed. Retry the same request (a checkout with the same key)."),
            _ => (0, string.Empty, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>The HTTP status of a kind of rule violation.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>Failures of storage, Redis or the cluster that a retry may get past (a 503, not a 500).</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutException or OrleansException or StackExchange.Redis.RedisException or System.IO.IOException => true,
        AggregateException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => "Not found",
        ErrorKind.Forbidden => "Forbidden",
        ErrorKind.Conflict => "Conflict",
        _ => "Invalid request",
    };

    private static string BadRequestDetail(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this endpoint: {json.Message}"
            : bad.Message;
}
