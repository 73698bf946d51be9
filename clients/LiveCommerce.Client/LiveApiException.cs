using System.Net;

namespace LiveCommerce.Client;

/// <summary>The engine answered an HTTP request with a problem (RFC 7807).</summary>
public sealed class LiveApiException(HttpStatusCode status, string? title, string? detail)
    : Exception($"{(int)status} {title}: {detail}")
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>The problem's title.</summary>
    public string? Title { get; } = title;

    /// <summary>The problem's detail.</summary>
    public string? Detail { get; } = detail;
}
