using System.Collections.Concurrent;

namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// This silo's share of each stream's audience: how many of its connections watch it, and the reactions
/// they sent since the last report. <see cref="PresenceReporter"/> folds it into the stream grains, which
/// hold the cluster-wide count; nothing here is needed by another silo.
/// </summary>
public sealed class ViewerPresence
{
    private readonly ConcurrentDictionary<string, Counter> _streams = new(StringComparer.Ordinal);

    /// <summary>A connection started watching.</summary>
    public void Joined(string streamId) => Interlocked.Increment(ref _streams.GetOrAdd(streamId, _ => new Counter()).Viewers);

    /// <summary>A connection stopped watching.</summary>
    public void Left(string streamId)
    {
        if (_streams.TryGetValue(streamId, out var counter))
        {
            Interlocked.Decrement(ref counter.Viewers);
        }
    }

    /// <summary>A viewer reacted.</summary>
    public void Reacted(string streamId) => Interlocked.Increment(ref _streams.GetOrAdd(streamId, _ => new Counter()).Reactions);

    /// <summary>Takes the current figures of every stream, resetting reaction counts; forgets streams nobody here watches.</summary>
    public IReadOnlyList<(string StreamId, int Viewers, long Reactions)> Drain()
    {
        var result = new List<(string, int, long)>(_streams.Count);
        foreach (var (streamId, counter) in _streams)
        {
            var viewers = Volatile.Read(ref counter.Viewers);
            var reactions = Interlocked.Exchange(ref counter.Reactions, 0);
            result.Add((streamId, viewers, reactions));
            if (viewers <= 0 && reactions == 0)
            {
                _streams.TryRemove(new KeyValuePair<string, Counter>(streamId, counter));
            }
        }

        return result;
    }

    private sealed class Counter
    {
        public int Viewers;
        public long Reactions;
    }
}
