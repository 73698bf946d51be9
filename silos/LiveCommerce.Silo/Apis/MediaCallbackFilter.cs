using System.Net;
using LiveCommerce.Grains.Video;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// Lets only the media server call its callbacks: with <c>Media:CallbackSecret</c> set, a callback must carry it as
/// <c>?secret=</c> (compared in constant time); without it, a callback must come from a loopback address. Anything
/// else is a 403 problem that reaches no grain.
/// </summary>
public sealed partial class MediaCallbackFilter(IOptions<MediaOptions> options, ILogger<MediaCallbackFilter> logger) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var secret = options.Value.CallbackSecret;
        var presented = http.Request.Query["secret"];
        var allowed = string.IsNullOrEmpty(secret)
            ? IsLoopback(http.Connection.RemoteIpAddress)
            : presented.Count == 1 && StreamKeys.Matches(secret, presented[0]);
        if (allowed)
        {
            return await next(context);
        }

        LogRefused(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", string.IsNullOrEmpty(secret) ? "not a loopback address" : "wrong or missing secret");
        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: "Media-server callbacks need the configured callback secret (Media:CallbackSecret) or, without one, a loopback address.");
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A media-server callback from {Address} was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string address, string reason);
}
