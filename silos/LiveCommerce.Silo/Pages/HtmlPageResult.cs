using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace LiveCommerce.Silo.Pages;

/// <summary>Writes an html file of <c>wwwroot</c>, revalidated on every visit so a new build shows at once.</summary>
/// <param name="file">The file.</param>
public sealed class HtmlPageResult(IFileInfo file) : IResult
{
    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers[HeaderNames.CacheControl] = "no-cache";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.ContentLength = file.Length;
        await using var stream = file.CreateReadStream();
        await stream.CopyToAsync(response.Body, httpContext.RequestAborted);
    }
}
