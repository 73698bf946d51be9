using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace LiveCommerce.Silo.Orders;

/// <summary>
/// Keeps the order feed bounded without losing what a consumer has not acknowledged. Every
/// <see cref="OrderFeedOptions.TrimInterval"/> it runs one atomic script on Redis that reads the stream's consumer
/// groups (<c>XINFO GROUPS</c>), takes for each group the oldest entry it still needs (its smallest pending id from
/// <c>XPENDING</c>, or, with nothing pending, its last-delivered id), and removes what lies before the oldest of
/// those (<c>XTRIM MINID</c>). With no consumer group every entry is kept. Then, only when
/// <see cref="OrderFeedOptions.HardMaxLength"/> is set, it caps the length (<c>XTRIM MAXLEN ~</c>): the one way an
/// unacknowledged entry can be lost, logged as a warning. Every engine process runs it; running it twice at once is
/// harmless. A failed round is logged and the next one runs.
/// </summary>
public sealed partial class OrderFeedTrimmer : BackgroundService
{
    private const string TrimScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {0, '', 0, 0} end
        local cap = tonumber(ARGV[1])
        local groups = redis.call('XINFO', 'GROUPS', KEYS[1])
        local trimmed = 0
        local keep = ''
        if #groups > 0 then
          local best_ms, best_seq
          for _, g in ipairs(groups) do
            local name, last, pending
            for j = 1, #g, 2 do
              if g[j] == 'name' then name = g[j + 1]
              elseif g[j] == 'last-delivered-id' then last = g[j + 1]
              elseif g[j] == 'pending' then pending = tonumber(g[j + 1]) end
            end
            local need = last
            if pending and pending > 0 then
              need = redis.call('XPENDING', KEYS[1], name)[2]
            end
            local ms, seq = string.match(need, '^(%d+)-(%d+)$')
            ms = tonumber(ms)
            seq = tonumber(seq)
            if best_ms == nil or ms < best_ms or (ms == best_ms and seq < best_seq) then
              best_ms, best_seq, keep = ms, seq, need
            end
          end
          trimmed = redis.call('XTRIM', KEYS[1], 'MINID', keep)
        end
        local capped = 0
        if cap > 0 and redis.call('XLEN', KEYS[1]) > cap then
          capped = redis.call('XTRIM', KEYS[1], 'MAXLEN', '~', cap)
        end
        return {trimmed, keep, capped, redis.call('XLEN', KEYS[1])}
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly OrderFeedOptions _options;
    private readonly string _key;
    private readonly ILogger<OrderFeedTrimmer> _logger;

    /// <summary>Creates the trimmer.</summary>
    /// <param name="redis">The engine's Redis connection.</param>
    /// <param name="options">The stream name, interval and optional hard cap.</param>
    /// <param name="cluster">The Orleans cluster options; their service id prefixes the stream key.</param>
    /// <param name="logger">The logger.</param>
    public OrderFeedTrimmer(
        IConnectionMultiplexer redis, IOptions<OrderFeedOptions> options, IOptions<ClusterOptions> cluster, ILogger<OrderFeedTrimmer> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cluster);
        _redis = redis;
        _options = options.Value;
        _key = _options.StreamKeyFor(cluster.Value.ServiceId);
        _logger = logger;
    }

    /// <summary>Trims once, now.</summary>
    /// <returns>What was removed and kept.</returns>
    public async Task<OrderFeedTrim> TrimAsync()
    {
        var result = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(TrimScript, [(RedisKey)_key], [_options.HardMaxLength]))!;
        var keptFrom = result[1].ToString();
        var trim = new OrderFeedTrim((long)result[0], string.IsNullOrEmpty(keptFrom) ? null : keptFrom, (long)result[2], (long)result[3]);
        if (trim.CappedOut > 0)
        {
            LogCapped(_logger, trim.CappedOut, _key, _options.HardMaxLength);
        }

        return trim;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.TrimInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TrimAsync();
                }
                catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogTrimFailed(_logger, _key, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order feed {Key}: the hard cap of {Cap} entries removed {Count} entries, which may include orders a consumer has not acknowledged")]
    private static partial void LogCapped(ILogger logger, long count, string key, long cap);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trimming the order feed {Key} failed; the next round tries again")]
    private static partial void LogTrimFailed(ILogger logger, string key, Exception error);
}
