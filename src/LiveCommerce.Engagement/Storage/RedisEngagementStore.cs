using System.Globalization;
using StackExchange.Redis;

namespace LiveCommerce.Engagement.Storage;

/// <summary>
/// The cluster-mode store. A batch is applied by one Lua script call (one round trip, every command of the batch
/// pipelined inside Redis, atomic), guarded by an apply-once marker key so a retry after an unclear failure never
/// counts twice. Reads are pipelined. Key layout: <see cref="EngagementKeys"/> under <see cref="EngagementOptions.KeyPrefix"/>.
/// The script touches keys it is not given in <c>KEYS</c>: use a single Redis (with replicas), not Redis Cluster.
/// Counters saturate at the 64-bit bounds (<see cref="SaturatingCounter"/>) rather than letting <c>HINCRBY</c> fail
/// on overflow, and a field holding something that is not a number counts as 0, so no event makes a batch fail.
/// </summary>
public sealed class RedisEngagementStore : EngagementStoreBase
{
    private const int MarkerSeconds = 24 * 3600;
    private const int MembersPerCommand = 200;

    private const string ApplyScript = """
        if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
        -- Counters saturate at the 64-bit bounds instead of failing the batch (HINCRBY refuses to overflow), and a
        -- field or key that holds something else is treated as 0 or skipped: a batch never stops half-way.
        local adjusted = 0
        local function incr(key, field, delta)
          local r = redis.pcall('HINCRBY', key, field, delta)
          if type(r) == 'table' and r.err then
            adjusted = adjusted + 1
            if string.find(r.err, 'overflow', 1, true) then
              if string.sub(delta, 1, 1) == '-' then
                redis.pcall('HSET', key, field, '-9223372036854775808')
              else
                redis.pcall('HSET', key, field, '9223372036854775807')
              end
            elseif string.find(r.err, 'not an integer', 1, true) then
              redis.pcall('HSET', key, field, delta)
            end
            return nil
          end
          return r
        end
        local i = 2
        local n = #ARGV
        while i <= n do
          local op = ARGV[i]
          local key = ARGV[i + 1]
          if op == 'h' then
            local c = tonumber(ARGV[i + 2])
            for j = 0, c - 1 do
              incr(key, ARGV[i + 3 + 2 * j], ARGV[i + 4 + 2 * j])
            end
            i = i + 3 + 2 * c
          elseif op == 'u' then
            local c = tonumber(ARGV[i + 2])
            redis.pcall('PFADD', key, unpack(ARGV, i + 3, i + 2 + c))
            i = i + 3 + c
          elseif op == 'v' then
            local before = incr(key, 'viewers', '0') or 0
            incr(key, 'viewers', ARGV[i + 2])
            local top = before + tonumber(ARGV[i + 3])
            local peak = tonumber(redis.pcall('HGET', key, 'peak')) or 0
            if top > peak and top < 9e18 then redis.pcall('HSET', key, 'peak', string.format('%d', top)) end
            i = i + 4
          elseif op == 'x' then
            local c = tonumber(ARGV[i + 2])
            for j = 0, c - 1 do
              local f = ARGV[i + 3 + 2 * j]
              local old = tonumber(redis.pcall('HGET', key, f))
              if old == nil or tonumber(ARGV[i + 4 + 2 * j]) > old then
                redis.pcall('HSET', key, f, ARGV[i + 4 + 2 * j])
              end
            end
            i = i + 3 + 2 * c
          elseif op == 'a' then
            local now = tonumber(ARGV[i + 2])
            local half = tonumber(ARGV[i + 3])
            local floor = tonumber(ARGV[i + 5])
            local c = tonumber(ARGV[i + 6])
            local t = tonumber(redis.pcall('HGET', key, '_t'))
            if t ~= nil and now > t then
              local factor = math.pow(0.5, (now - t) / half)
              local all = redis.pcall('HGETALL', key)
              if type(all) ~= 'table' or all.err then all = {} end
              for j = 1, #all, 2 do
                if all[j] ~= '_t' then
                  local v = (tonumber(all[j + 1]) or 0) * factor
                  if v < floor then
                    redis.pcall('HDEL', key, all[j])
                  else
                    redis.pcall('HSET', key, all[j], string.format('%.17g', v))
                  end
                end
              end
            end
            if t == nil or now > t then redis.pcall('HSET', key, '_t', ARGV[i + 2]) end
            for j = 0, c - 1 do
              redis.pcall('HINCRBYFLOAT', key, ARGV[i + 7 + 2 * j], ARGV[i + 8 + 2 * j])
            end
            redis.pcall('EXPIRE', key, ARGV[i + 4])
            i = i + 7 + 2 * c
          elseif op == 'e' then
            redis.pcall('EXPIRE', key, ARGV[i + 2])
            i = i + 3
          else
            return redis.error_reply('unknown engagement op ' .. tostring(op))
          end
        end
        return 1 + adjusted
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;

    /// <summary>Creates the store.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="options">Key prefix, trend windows and affinity decay.</param>
    public RedisEngagementStore(IConnectionMultiplexer redis, EngagementOptions options)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
        _prefix = string.IsNullOrEmpty(options.KeyPrefix) ? "livecommerce:eng:" : options.KeyPrefix;
    }

    private IDatabase Db => _redis.GetDatabase();

    /// <inheritdoc />
    public override async Task WriteAsync(EngagementBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        var args = new List<RedisValue>(64) { MarkerSeconds };
        foreach (var (key, fields) in batch.Counters)
        {
            args.Add("h");
            args.Add(_prefix + key);
            args.Add(fields.Count);
            foreach (var (field, delta) in fields)
            {
                args.Add(field);
                args.Add(delta);
            }
        }

        foreach (var (key, members) in batch.Uniques)
        {
            foreach (var chunk in members.Chunk(MembersPerCommand))
            {
                args.Add("u");
                args.Add(_prefix + key);
                args.Add(chunk.Length);
                args.AddRange(chunk.Select(m => (RedisValue)m));
            }
        }

        foreach (var (key, change) in batch.Audience)
        {
            args.Add("v");
            args.Add(_prefix + key);
            args.Add(change.Delta);
            args.Add(change.MaxPrefix);
        }

        foreach (var (key, fields) in batch.Maxima)
        {
            args.Add("x");
            args.Add(_prefix + key);
            args.Add(fields.Count);
            foreach (var (field, value) in fields)
            {
                args.Add(field);
                args.Add(value);
            }
        }

        var halfLife = Options.AffinityHalfLife.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);
        var ttl = (long)Options.AffinityTtl.TotalSeconds;
        var floor = Options.AffinityFloor.ToString("R", CultureInfo.InvariantCulture);
        foreach (var (key, update) in batch.Affinities)
        {
            args.Add("a");
            args.Add(_prefix + key);
            args.Add(update.AtUnixSeconds.ToString("R", CultureInfo.InvariantCulture));
            args.Add(halfLife);
            args.Add(ttl);
            args.Add(floor);
            args.Add(update.Weights.Count);
            foreach (var (field, weight) in update.Weights)
            {
                args.Add(field);
                args.Add(weight.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        foreach (var (key, expiry) in batch.Expiries)
        {
            args.Add("e");
            args.Add(_prefix + key);
            args.Add((long)expiry.TotalSeconds);
        }

        await Db.ScriptEvaluateAsync(ApplyScript, [(RedisKey)(_prefix + "batch:" + batch.Id)], [.. args]);
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyDictionary<string, string>> ReadHashAsync(string key, CancellationToken cancellationToken)
    {
        var entries = await Db.HashGetAllAsync(_prefix + key);
        var result = new Dictionary<string, string>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            result[entry.Name.ToString()] = entry.Value.ToString();
        }

        return result;
    }

    /// <inheritdoc />
    protected override async Task<long[][]> ReadFieldsAsync(IReadOnlyList<string> keys, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        var db = Db;
        var names = fields.Select(f => (RedisValue)f).ToArray();
        var reads = keys.Select(key => db.HashGetAsync(_prefix + key, names)).ToArray();
        var values = await Task.WhenAll(reads);
        return [.. values.Select(row => row.Select(v => v.IsNull ? 0L : ParseLong(v.ToString())).ToArray())];
    }

    /// <inheritdoc />
    protected override Task<long> CountUniqueAsync(string key, CancellationToken cancellationToken) =>
        Db.HyperLogLogLengthAsync(_prefix + key);
}
