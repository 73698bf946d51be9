using LiveCommerce.Abstractions.Errors;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// Turns the engine's rule violations into <see cref="HubException"/>s with a user-readable message, and any
/// unexpected failure into a generic one, so a bad call never closes the viewer's connection.
/// </summary>
public sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            throw;
        }
        catch (LiveCommerceException rule)
        {
            throw new HubException(rule.Message);
        }
        catch (Exception error)
        {
            LogUnexpected(logger, invocationContext.HubMethodName, error);
            throw new HubException("Something went wrong; please try again.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception error);
}
