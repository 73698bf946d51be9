using System.Text;
using Microsoft.Net.Http.Headers;

namespace LiveCommerce.Silo.Hosting;

/// <summary>
/// Refuses a request body whose <c>Content-Type</c> names a character set no decoder exists for
/// (<c>application/json; charset=nope</c>) with 415 problem details; the JSON body reader would otherwise
/// fail on it with an error that is not a bad request, and answer 500.
/// </summary>
public static class BodyEncodingExtensions
{
    /// <summary>
    /// Adds the check in front of the endpoints. It does not await the rest of the pipeline, so nothing of it is kept
    /// while a long request (a hub connection) runs.
    /// </summary>
    public static WebApplication UseKnownBodyEncodings(this WebApplication app)
    {
        app.Use((http, next) =>
            MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.Charset.HasValue && !IsKnown(type.Charset.Value!)
                ? Problems.WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                    $"The body's character set '{type.Charset.Value}' is not one the engine can read; send JSON as UTF-8.")
                : next(http));
        return app;
    }

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
