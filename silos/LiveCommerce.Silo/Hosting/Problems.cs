using Microsoft.AspNetCore.Mvc;

namespace LiveCommerce.Silo.Hosting;

/// <summary>Writes RFC 7807 problem details outside the endpoint pipeline (authentication, rate limiting).</summary>
public static class Problems
{
    /// <summary>Writes a problem with <paramref name="status"/> to the response.</summary>
    public static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
