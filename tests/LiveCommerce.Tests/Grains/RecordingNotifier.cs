using System.Collections.Concurrent;
using LiveCommerce.Grains.Notifications;

namespace LiveCommerce.Tests.Grains;

/// <summary>
/// The notifier of the grain-level test silos: it records what the grains publish, so the tests can see
/// which events a grain sends and when. (End-to-end tests use the real SignalR notifier.)
/// </summary>
public sealed class RecordingNotifier : IStreamNotifier
{
    private static readonly ConcurrentQueue<(string StreamId, string EventName, object Payload)> Sent = new();

    /// <summary>Events published to <paramref name="streamId"/>, in order.</summary>
    public static IReadOnlyList<(string EventName, object Payload)> SentTo(string streamId) =>
        [.. Sent.Where(e => e.StreamId == streamId).Select(e => (e.EventName, e.Payload))];

    /// <inheritdoc />
    public Task SendAsync(string streamId, string eventName, object payload, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((streamId, eventName, payload));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SendToViewerAsync(string userId, string eventName, object payload)
    {
        Sent.Enqueue(("viewer:" + userId, eventName, payload));
        return Task.CompletedTask;
    }
}
