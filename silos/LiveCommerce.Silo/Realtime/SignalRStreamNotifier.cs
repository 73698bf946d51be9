using System.Collections.Concurrent;
using LiveCommerce.Grains.Notifications;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// Pushes stream events to the stream's SignalR group without holding up the grain that raised them. SendAsync only
/// queues the event on the stream's lane and returns; one sender per stream then hands the events, in the order they
/// were raised, to the group. SignalR serializes each once per protocol and copies the same bytes into every
/// connection's outbox (<see cref="ViewerOutbox"/>, which never waits on a slow viewer); in cluster mode the Redis
/// backplane carries it to every silo. A failed publish (a backplane hiccup) is retried, in order, until it goes
/// through, so no pin, offer start or offer end is lost while the process runs; while a lane is backed up, a newer
/// <c>OfferUpdated</c> of the same offer or <c>ViewerCount</c> of the stream replaces the one still queued.
/// </summary>
public sealed partial class SignalRStreamNotifier(IHubContext<LiveHub> hub, ILogger<SignalRStreamNotifier> logger) : IStreamNotifier
{
    private readonly IHubContext<LiveHub> _hub = hub;
    private readonly ILogger _logger = logger;
    /// <summary>Events one stream may have queued while its publishes fail; beyond it the oldest is dropped, with an error logged.</summary>
    public const int MaxQueuedPerStream = 10_000;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Events queued and not yet handed to SignalR, over all streams.</summary>
    public int Queued => _lanes.Values.Sum(lane => lane.Count);

    /// <inheritdoc />
    public Task SendAsync(string streamId, string eventName, object payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(eventName);
        var item = new Item(eventName, payload, HubFrames.FoldKeyOf(eventName, payload));
        while (true)
        {
            var lane = _lanes.GetOrAdd(streamId, id => new Lane(this, id));
            if (lane.TryAdd(item))
            {
                return Task.CompletedTask;
            }
        }
    }

    /// <inheritdoc />
    public async Task SendToViewerAsync(string userId, string eventName, object payload)
    {
        try
        {
            await _hub.Clients.User(userId).SendAsync(eventName, payload);
        }
        catch (Exception error)
        {
            // Best effort: what goes to one viewer (their cart) can be read back at any time.
            LogViewerSendFailed(_logger, eventName, error);
        }
    }

    private void Forget(Lane lane) => _lanes.TryRemove(new KeyValuePair<string, Lane>(lane.StreamId, lane));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventName} to stream {StreamId} failed (attempt {Attempt}); retrying in order")]
    private static partial void LogRetry(ILogger logger, string eventName, string streamId, int attempt, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream {StreamId} has {Queued} events waiting to be published; dropped the oldest, {EventName}")]
    private static partial void LogDropped(ILogger logger, string streamId, int queued, string eventName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {EventName} to one viewer failed; they read it back on their next call")]
    private static partial void LogViewerSendFailed(ILogger logger, string eventName, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing {EventName} to stream {StreamId} failed for good; dropped it")]
    private static partial void LogFailed(ILogger logger, string eventName, string streamId, Exception error);

    private sealed record Item(string EventName, object Payload, string? FoldKey)
    {
        public bool Replaced { get; set; }
    }

    /// <summary>One stream's queue and its single sender; it removes itself from the notifier when it runs dry.</summary>
    private sealed class Lane(SignalRStreamNotifier notifier, string streamId)
    {
        private readonly Lock _gate = new();
        private readonly Queue<Item> _items = new();
        private readonly string _group = StreamGroups.Of(streamId);
        private Dictionary<string, Item>? _latest;
        private bool _sending;
        private bool _retired;

        public string StreamId => streamId;

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _items.Count;
                }
            }
        }

        public bool TryAdd(Item item)
        {
            lock (_gate)
            {
                if (_retired)
                {
                    return false;
                }

                if (item.FoldKey is { } key)
                {
                    _latest ??= new Dictionary<string, Item>(StringComparer.Ordinal);
                    if (_latest.TryGetValue(key, out var older))
                    {
                        older.Replaced = true;
                    }

                    _latest[key] = item;
                }

                _items.Enqueue(item);
                if (_items.Count > MaxQueuedPerStream)
                {
                    var dropped = _items.Dequeue();
                    LogDropped(notifier._logger, streamId, _items.Count, dropped.EventName);
                }

                if (!_sending)
                {
                    _sending = true;
                    _ = Task.Run(SendAllAsync);
                }

                return true;
            }
        }

        private async Task SendAllAsync()
        {
            while (true)
            {
                Item item;
                lock (_gate)
                {
                    do
                    {
                        if (_items.Count == 0)
                        {
                            _sending = false;
                            _retired = true;
                            notifier.Forget(this);
                            return;
                        }

                        item = _items.Dequeue();
                    }
                    while (item.Replaced);

                    if (item.FoldKey is { } key && _latest!.TryGetValue(key, out var latest) && ReferenceEquals(latest, item))
                    {
                        _latest.Remove(key);
                    }
                }

                await PublishAsync(item);
            }
        }

        private async Task PublishAsync(Item item)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await notifier._hub.Clients.Group(_group).SendAsync(item.EventName, item.Payload);
                    return;
                }
                catch (Exception error) when (error is not (ArgumentException or NotSupportedException or InvalidOperationException))
                {
                    if (item.Replaced)
                    {
                        return;
                    }

                    LogRetry(notifier._logger, item.EventName, streamId, attempt, error);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, 100 * attempt)));
                }
                catch (Exception error)
                {
                    // A payload that cannot be serialized fails every time: retrying it would only stall the stream.
                    LogFailed(notifier._logger, item.EventName, streamId, error);
                    return;
                }
            }
        }
    }
}
