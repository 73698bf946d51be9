using System.Collections.Concurrent;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Streams;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Streams;

/// <summary>
/// This silo's reads of live streams for the crowd, so that thousands of viewers joining or carting at once do not
/// queue one call each on the stream's grain (and, through its snapshot, on every offer grain):
/// <list type="bullet">
/// <item><see cref="SnapshotAfterAsync"/> folds concurrent joins into one snapshot read at a time per stream. Every
/// caller gets a snapshot whose read started after the call began, so a viewer who joined the stream's group first
/// misses nothing between the snapshot and the events that follow it.</item>
/// <item><see cref="ListingAsync"/> keeps each stream's listing for <see cref="LiveStreamOptions.ListingCacheDuration"/>
/// and reads again at once when a product asked about is not on the kept list, so a product just added is never
/// refused; a stream's list only grows, so a kept list never wrongly accepts one.</item>
/// </list>
/// </summary>
public sealed class StreamReads(IGrainFactory grains, IOptions<LiveStreamOptions> options, TimeProvider time)
{
    /// <summary>Kept listings beyond this many are pruned of the stale ones.</summary>
    public const int MaxKeptListings = 10_000;

    private readonly IGrainFactory _grains = grains;
    private readonly ConcurrentDictionary<string, SnapshotFold> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (LiveStream? Stream, DateTimeOffset ReadAt)> _listings = new(StringComparer.Ordinal);

    /// <summary>The stream's snapshot, read from its grain after this call began (shared with the calls that began with it).</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>The snapshot.</returns>
    public Task<StreamSnapshot> SnapshotAfterAsync(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        while (true)
        {
            var fold = _snapshots.GetOrAdd(streamId, id => new SnapshotFold(this, id));
            if (fold.TryJoin(out var snapshot))
            {
                return snapshot;
            }
        }
    }

    /// <summary>The stream as listed (status, products, creator), at most <see cref="LiveStreamOptions.ListingCacheDuration"/> old.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="productId">A product the caller needs on the list: a kept list without it is read again.</param>
    /// <returns>The stream, or null when there is none.</returns>
    public async Task<LiveStream?> ListingAsync(string streamId, string? productId = null)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var now = time.GetUtcNow();
        if (_listings.TryGetValue(streamId, out var kept) && now - kept.ReadAt <= options.Value.ListingCacheDuration
            && kept.Stream is { } stream && (productId is null || stream.ProductIds.Contains(productId, StringComparer.Ordinal)))
        {
            return stream;
        }

        var fresh = await _grains.GetGrain<ILiveStreamGrain>(streamId).GetAsync();
        if (_listings.Count >= MaxKeptListings)
        {
            foreach (var (id, entry) in _listings)
            {
                if (now - entry.ReadAt > options.Value.ListingCacheDuration)
                {
                    _listings.TryRemove(id, out _);
                }
            }
        }

        _listings[streamId] = (fresh, now);
        return fresh;
    }

    /// <summary>One stream's snapshot reads: at most one in flight; callers who arrive meanwhile share the next one.</summary>
    private sealed class SnapshotFold(StreamReads owner, string streamId)
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource<StreamSnapshot>? _next;
        private bool _reading;
        private bool _closed;

        public bool TryJoin(out Task<StreamSnapshot> snapshot)
        {
            lock (_gate)
            {
                if (_closed)
                {
                    snapshot = null!;
                    return false;
                }

                _next ??= new TaskCompletionSource<StreamSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
                snapshot = _next.Task;
                if (!_reading)
                {
                    _reading = true;
                    _ = Task.Run(ReadAllAsync);
                }

                return true;
            }
        }

        private async Task ReadAllAsync()
        {
            while (true)
            {
                TaskCompletionSource<StreamSnapshot> waiting;
                lock (_gate)
                {
                    if (_next is null)
                    {
                        _reading = false;
                        _closed = true;
                        owner._snapshots.TryRemove(new KeyValuePair<string, SnapshotFold>(streamId, this));
                        return;
                    }

                    waiting = _next;
                    _next = null;
                }

                try
                {
                    waiting.SetResult(await owner._grains.GetGrain<ILiveStreamGrain>(streamId).GetSnapshotAsync());
                }
                catch (Exception error)
                {
                    waiting.SetException(error);
                }
            }
        }
    }
}
