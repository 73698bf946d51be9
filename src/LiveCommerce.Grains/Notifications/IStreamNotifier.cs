namespace LiveCommerce.Grains.Notifications;

/// <summary>
/// Pushes one event to every viewer of a stream, on every silo of the cluster. The engine host implements
/// it with SignalR groups (and the Redis backplane in cluster mode): the payload is serialized once per
/// protocol, whatever the number of viewers, and no grain is called per viewer.
/// </summary>
public interface IStreamNotifier
{
    /// <summary>Sends <paramref name="eventName"/> with <paramref name="payload"/> to the viewers of <paramref name="streamId"/>.</summary>
    Task SendAsync(string streamId, string eventName, object payload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends <paramref name="eventName"/> with <paramref name="payload"/> to every connection of one signed-in viewer
    /// (their <c>sub</c>), on every silo; best effort, for what the viewer can also read back (their cart).
    /// </summary>
    Task SendToViewerAsync(string userId, string eventName, object payload);
}
