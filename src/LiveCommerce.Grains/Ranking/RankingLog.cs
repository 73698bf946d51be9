using System.Threading.Channels;
using LiveCommerce.Ranking.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace LiveCommerce.Grains.Ranking;

/// <summary>
/// The engine's log of ranked lists shown, one <see cref="RankedListLog"/> per list episode, for off-policy evaluation
/// (RankerLab <c>--logs</c>). Appending never blocks the hub: records go through a bounded channel (the oldest is dropped
/// when it is full) to <see cref="RankingLogWriter"/>. In cluster mode they are kept in the Redis stream
/// <c>{ServiceId}:ranking-log</c> (trimmed to about <see cref="RankingOptions.LogCapacity"/> entries), so every silo's lists
/// land in one place; in the embedded default they are kept in memory, the newest <see cref="RankingOptions.LogCapacity"/>.
/// </summary>
public sealed class RankingLog
{
    private readonly Channel<RankedListLog> _pending = Channel.CreateBounded<RankedListLog>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Queue<string> _memory = new();
    private readonly Lock _gate = new();
    private readonly IConnectionMultiplexer? _redis;
    private readonly int _capacity;

    /// <summary>Creates the log.</summary>
    /// <param name="options">The capacity.</param>
    /// <param name="cluster">The service id that prefixes the Redis key.</param>
    /// <param name="services">Where the Redis connection is found in cluster mode.</param>
    public RankingLog(IOptions<RankingOptions> options, IOptions<ClusterOptions> cluster, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cluster);
        _capacity = options.Value.LogCapacity;
        _redis = services.GetService<IConnectionMultiplexer>();
        StreamKey = cluster.Value.ServiceId + ":ranking-log";
    }

    /// <summary>The Redis stream key (cluster mode).</summary>
    public string StreamKey { get; }

    /// <summary>Queues a record; never blocks.</summary>
    /// <param name="log">The record.</param>
    public void Append(RankedListLog log) => _pending.Writer.TryWrite(log);

    /// <summary>Records waiting to be stored.</summary>
    internal ChannelReader<RankedListLog> Pending => _pending.Reader;

    /// <summary>Stores one record where this mode keeps them.</summary>
    /// <param name="log">The record.</param>
    /// <returns>A task that completes when it is stored.</returns>
    internal async Task StoreAsync(RankedListLog log)
    {
        var line = RankedListLogJson.ToJsonLine(log);
        if (_redis is not null)
        {
            await _redis.GetDatabase().StreamAddAsync(StreamKey, "l", line, maxLength: _capacity, useApproximateMaxLength: true);
            return;
        }

        lock (_gate)
        {
            _memory.Enqueue(line);
            while (_memory.Count > _capacity)
            {
                _memory.Dequeue();
            }
        }
    }

    /// <summary>The newest records, oldest first, as JSON lines.</summary>
    /// <param name="count">How many at most.</param>
    /// <returns>The lines.</returns>
    public async Task<IReadOnlyList<string>> ReadAsync(int count)
    {
        if (_redis is not null)
        {
            var entries = await _redis.GetDatabase().StreamRangeAsync(StreamKey, "-", "+", count, Order.Descending);
            return [.. entries.Reverse().Select(e => (string?)e["l"]).OfType<string>()];
        }

        lock (_gate)
        {
            return [.. _memory.Skip(Math.Max(0, _memory.Count - count))];
        }
    }
}
