using System.Diagnostics.Metrics;
using LiveCommerce.Engagement;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// The outboxes of this process's hub connections: their limit, and what they did, as figures and as instruments on
/// the engine's meter <c>LiveCommerce</c> (<c>livecommerce.hub.outbox.*</c>).
/// </summary>
public sealed partial class ViewerOutboxes
{
    private readonly ILogger<ViewerOutboxes> _logger;
    private readonly Counter<long> _folded;
    private readonly Counter<long> _closed;
    private long _queuedBytes;
    private long _peakBytes;
    private long _foldedCount;
    private long _closedCount;
    private int _backlogged;

    /// <summary>Creates the registry and its instruments.</summary>
    public ViewerOutboxes(IOptions<HubTransportOptions> options, IMeterFactory meters, ILogger<ViewerOutboxes> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        Limit = options.Value.OutboxBytes;
        _logger = logger;
        var meter = meters.Create(EngagementMetrics.MeterName);
        meter.CreateObservableGauge("livecommerce.hub.outbox.queued", () => QueuedBytes, "By", "Bytes waiting in the outboxes of connections whose send buffer is full.");
        meter.CreateObservableGauge("livecommerce.hub.outbox.backlogged", () => Backlogged, "{connection}", "Connections whose send buffer is full, so that messages wait in their outbox.");
        _folded = meter.CreateCounter<long>("livecommerce.hub.outbox.folded", "{message}", "Messages an outbox dropped because a newer one of the same kind (OfferUpdated, ViewerCount, ping) replaced it.");
        _closed = meter.CreateCounter<long>("livecommerce.hub.outbox.closed", "{connection}", "Connections closed because their outbox would have held more than HubTransport:OutboxBytes.");
    }

    /// <summary>The most bytes one connection's outbox may hold.</summary>
    public int Limit { get; }

    /// <summary>Bytes waiting in all outboxes now.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>The most bytes one outbox held at once since the process started.</summary>
    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    /// <summary>Messages dropped because a newer one replaced them, since the process started.</summary>
    public long Folded => Interlocked.Read(ref _foldedCount);

    /// <summary>Connections closed for a full outbox, since the process started.</summary>
    public long Closed => Interlocked.Read(ref _closedCount);

    /// <summary>Connections with a full send buffer now.</summary>
    public int Backlogged => Volatile.Read(ref _backlogged);

    internal void Queued(long bytes, long outboxBytes)
    {
        Interlocked.Add(ref _queuedBytes, bytes);
        var peak = Interlocked.Read(ref _peakBytes);
        while (outboxBytes > peak && Interlocked.CompareExchange(ref _peakBytes, outboxBytes, peak) != peak)
        {
            peak = Interlocked.Read(ref _peakBytes);
        }
    }

    internal void Sent(long bytes) => Interlocked.Add(ref _queuedBytes, -bytes);

    internal void FoldedOne()
    {
        Interlocked.Increment(ref _foldedCount);
        _folded.Add(1);
    }

    internal void BacklogStarted() => Interlocked.Increment(ref _backlogged);

    internal void BacklogEnded() => Interlocked.Decrement(ref _backlogged);

    internal void ClosedOne(string connectionId, long outboxBytes)
    {
        Interlocked.Increment(ref _closedCount);
        _closed.Add(1);
        LogClosed(_logger, connectionId, outboxBytes, Limit);
    }

    internal void DrainFailed(string connectionId, Exception error) => LogDrainFailed(_logger, connectionId, error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed hub connection {ConnectionId}: it stopped reading, and its outbox would have held {Bytes} bytes (limit {Limit})")]
    private static partial void LogClosed(ILogger logger, string connectionId, long bytes, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the outbox of hub connection {ConnectionId} failed; closed it")]
    private static partial void LogDrainFailed(ILogger logger, string connectionId, Exception error);
}
