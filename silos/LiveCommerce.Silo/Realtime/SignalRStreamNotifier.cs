using LiveCommerce.Grains.Notifications;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// Pushes stream events to the stream's SignalR group. SignalR serializes the message once per protocol and
/// writes the same bytes to every connection; in cluster mode the Redis backplane carries it to every silo.
/// A failed publish is retried, so a brief backplane hiccup does not lose a pin or an offer event.
/// </summary>
public sealed partial class SignalRStreamNotifier(IHubContext<LiveHub> hub, ILogger<SignalRStreamNotifier> logger) : IStreamNotifier
{
    private const int Attempts = 3;

    /// <inheritdoc />
    public async Task SendAsync(string streamId, string eventName, object payload, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await hub.Clients.Group(StreamGroups.Of(streamId)).SendAsync(eventName, payload, cancellationToken);
                return;
            }
            catch (Exception error) when (attempt < Attempts && !cancellationToken.IsCancellationRequested)
            {
                LogRetry(logger, eventName, streamId, attempt, error);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventName} to stream {StreamId} failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, string eventName, string streamId, int attempt, Exception error);
}
