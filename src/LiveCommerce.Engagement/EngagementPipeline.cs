using System.Diagnostics.Metrics;
using System.Threading.Channels;
using LiveCommerce.Engagement.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Engagement;

/// <summary>
/// The recorder and its background flusher. <see cref="Record"/> puts the event in a bounded channel (never
/// blocking); the flusher takes up to <see cref="EngagementOptions.BatchSize"/> events, or what arrived within
/// <see cref="EngagementOptions.FlushInterval"/>, folds them into an <see cref="EngagementBatch"/> and writes it.
/// A failed write is retried with exponential backoff, the same batch each time (the store applies it once), while
/// new events wait in the buffer; only when the buffer is full are events dropped, each one counted in
/// <c>livecommerce.engagement.dropped</c> and logged (at most once a second, with the running total).
/// A batch the store keeps refusing while it takes an empty one is written event by event; an event it still
/// refuses is a poison event: dropped, counted (<c>livecommerce.engagement.poisoned</c>) and logged, never retried
/// forever. No single event stops the flusher: anything unexpected is logged and the loop goes on.
/// </summary>
public sealed partial class EngagementPipeline : BackgroundService, IEngagementRecorder
{
    private readonly Channel<EngagementEvent> _channel;
    private readonly IEngagementStore _store;
    private readonly EngagementOptions _options;
    private readonly ILogger<EngagementPipeline> _logger;
    private readonly EngagementMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly List<EngagementEvent> _buffer;
    private long _recorded;
    private long _dropped;
    private long _written;
    private long _writeFailures;
    private long _discarded;
    private long _poisoned;
    private long _lastDropLog;
    private volatile bool _storeHealthy = true;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="store">Where batches go.</param>
    /// <param name="options">Buffer, batch and retry settings.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="meters">The host's meter factory; a standalone meter when null.</param>
    /// <param name="time">The clock; the system clock when null.</param>
    public EngagementPipeline(
        IEngagementStore store,
        IOptions<EngagementOptions> options,
        ILogger<EngagementPipeline> logger,
        IMeterFactory? meters = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _options.Validate();
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _buffer = new List<EngagementEvent>(_options.BatchSize);
        _channel = Channel.CreateBounded<EngagementEvent>(new BoundedChannelOptions(_options.BufferCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _metrics = new EngagementMetrics(meters, () => Buffered);
    }

    /// <summary>Events accepted into the buffer so far.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>Events dropped so far (buffer full, still buffered when shutdown gave up, or poison).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Poison events dropped so far: events the store refused on their own while it took others.</summary>
    public long Poisoned => Interlocked.Read(ref _poisoned);

    /// <summary>Events written to the store so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Failed batch writes so far.</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>Events accepted but not yet written.</summary>
    public long Buffered => Recorded - Written - Interlocked.Read(ref _discarded);

    /// <summary>Whether the last write succeeded.</summary>
    public bool StoreHealthy => _storeHealthy;

    /// <inheritdoc />
    public bool Record(in EngagementEvent engagement)
    {
        if (_channel.Writer.TryWrite(engagement))
        {
            Interlocked.Increment(ref _recorded);
            _metrics.Recorded.Add(1);
            return true;
        }

        var dropped = Interlocked.Increment(ref _dropped);
        _metrics.Dropped.Add(1);
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastDropLog);
        if ((last == 0 || _time.GetElapsedTime(last, now) >= TimeSpan.FromSeconds(1)) && Interlocked.CompareExchange(ref _lastDropLog, now, last) == last)
        {
            LogDropped(_logger, engagement.Kind, engagement.StreamId, dropped, _options.BufferCapacity);
        }

        return false;
    }

    /// <summary>Waits until every event recorded so far is written (or dropped), for tests and tools.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns><see langword="true"/> when nothing is left in the buffer.</returns>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        var deadline = _time.GetTimestamp();
        while (Buffered > 0)
        {
            if (_time.GetElapsedTime(deadline) > timeout)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                try
                {
                    Fill(reader);
                    if (_buffer.Count < _options.BatchSize)
                    {
                        await Task.Delay(_options.FlushInterval, _time, stoppingToken);
                        Fill(reader);
                    }

                    await WriteAsync(stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // A last guard: nothing a batch holds may stop the flusher. What was in hand is dropped and counted.
                    var lost = _buffer.Count;
                    _buffer.Clear();
                    Discard(lost, poisoned: true);
                    LogFlushFailed(_logger, lost, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await DrainAtShutdownAsync(reader);
    }

    private async Task DrainAtShutdownAsync(ChannelReader<EngagementEvent> reader)
    {
        using var deadline = new CancellationTokenSource(_options.ShutdownDrainTimeout);
        try
        {
            do
            {
                Fill(reader);
                if (_buffer.Count > 0)
                {
                    await WriteAsync(deadline.Token);
                }
            }
            while (reader.Count > 0);
        }
        catch (OperationCanceledException)
        {
            var lost = _buffer.Count + reader.Count;
            Discard(lost, poisoned: false);
            LogLostAtShutdown(_logger, lost);
        }
        catch (Exception error)
        {
            var lost = _buffer.Count + reader.Count;
            Discard(lost, poisoned: false);
            LogFlushFailed(_logger, lost, error);
        }
    }

    private void Fill(ChannelReader<EngagementEvent> reader)
    {
        while (_buffer.Count < _options.BatchSize && reader.TryRead(out var engagement))
        {
            _buffer.Add(engagement);
        }
    }

    /// <summary>
    /// Writes the events in hand. When the store refuses the batch while it is up (it takes an empty batch), the
    /// events are written one by one, and those the store still refuses are dropped as poison. Events leave the
    /// buffer once written or dropped, so a shutdown in the middle counts only what is really left.
    /// </summary>
    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        if (await TryWriteAsync(_buffer, cancellationToken))
        {
            _buffer.Clear();
            return;
        }

        LogBatchRefused(_logger, _buffer.Count);
        var resolved = 0;
        try
        {
            for (; resolved < _buffer.Count; resolved++)
            {
                var engagement = _buffer[resolved];
                if (!await TryWriteAsync([engagement], cancellationToken))
                {
                    Discard(1, poisoned: true);
                    LogPoisonDropped(_logger, engagement.Kind, engagement.StreamId, engagement.ProductId, Interlocked.Read(ref _poisoned));
                }
            }
        }
        finally
        {
            _buffer.RemoveRange(0, resolved);
        }
    }

    /// <summary>
    /// Writes <paramref name="events"/> as one batch, retrying with backoff while the store is down.
    /// </summary>
    /// <returns>
    /// <see langword="true"/> when written; <see langword="false"/> when the batch cannot be built or the store keeps
    /// refusing it (<see cref="EngagementOptions.PoisonAfterFailures"/> times) while it takes an empty batch.
    /// </returns>
    private async Task<bool> TryWriteAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken)
    {
        EngagementBatch batch;
        try
        {
            batch = EngagementBatch.From(events, _options);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogBatchNotBuilt(_logger, events.Count, error);
            return false;
        }

        var delay = _options.RetryInitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.WriteAsync(batch, cancellationToken);
                break;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _storeHealthy = false;
                Interlocked.Increment(ref _writeFailures);
                _metrics.WriteFailures.Add(1);
                if (attempt == 1 || attempt % 20 == 0)
                {
                    LogWriteFailed(_logger, batch.EventCount, attempt, Buffered, delay, error);
                }

                if (attempt >= _options.PoisonAfterFailures && await StoreTakesAnEmptyBatchAsync(cancellationToken))
                {
                    return false;
                }

                await Task.Delay(delay, _time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaxDelay.Ticks));
            }
        }

        if (!_storeHealthy)
        {
            _storeHealthy = true;
            LogRecovered(_logger, Buffered);
        }

        Interlocked.Add(ref _written, batch.EventCount);
        _metrics.Written.Add(batch.EventCount);
        return true;
    }

    private async Task<bool> StoreTakesAnEmptyBatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _store.WriteAsync(EngagementBatch.From([], _options), cancellationToken);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Discard(long count, bool poisoned)
    {
        if (count <= 0)
        {
            return;
        }

        Interlocked.Add(ref _dropped, count);
        Interlocked.Add(ref _discarded, count);
        _metrics.Dropped.Add(count);
        if (poisoned)
        {
            Interlocked.Add(ref _poisoned, count);
            _metrics.Poisoned.Add(count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engagement buffer full ({Capacity} events): dropped a {Kind} event of stream {StreamId}; {Dropped} dropped since start")]
    private static partial void LogDropped(ILogger logger, EngagementKind kind, string streamId, long dropped, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} engagement events failed (attempt {Attempt}); {Buffered} events wait in the buffer; retrying in {Delay}")]
    private static partial void LogWriteFailed(ILogger logger, int count, int attempt, long buffered, TimeSpan delay, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement store reachable again; {Buffered} events still buffered")]
    private static partial void LogRecovered(ILogger logger, long buffered);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutdown: {Count} engagement events could not be written in time and are lost")]
    private static partial void LogLostAtShutdown(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The engagement store refuses a batch of {Count} events while it takes others; writing them one by one")]
    private static partial void LogBatchRefused(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped a {Kind} engagement event of stream {StreamId} (product {ProductId}) that the store refuses; {Poisoned} poison events dropped since start")]
    private static partial void LogPoisonDropped(ILogger logger, EngagementKind kind, string streamId, string? productId, long poisoned);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not fold {Count} engagement events into a batch")]
    private static partial void LogBatchNotBuilt(ILogger logger, int count, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Flushing engagement failed; {Count} events in hand were dropped and the flusher goes on")]
    private static partial void LogFlushFailed(ILogger logger, long count, Exception error);

}
