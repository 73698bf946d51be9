using System.Globalization;

namespace LiveCommerce.Engagement.Storage;

/// <summary>
/// The embedded default's store: the same hashes, sets and decay as <see cref="RedisEngagementStore"/>, in process
/// memory (a set where Redis keeps a HyperLogLog, so unique viewers are exact here). It lives as long as the process.
/// </summary>
public sealed class InMemoryEngagementStore : EngagementStoreBase
{
    private const int RememberedBatches = 10_000;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Dictionary<string, string>> _hashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _expiresAt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _applied = new(StringComparer.Ordinal);
    private readonly Queue<string> _appliedOrder = new();
    private long _writes;

    /// <summary>Creates the store.</summary>
    /// <param name="options">Trend windows and affinity decay.</param>
    /// <param name="time">The clock for key expiry; the system clock when null.</param>
    public InMemoryEngagementStore(EngagementOptions options, TimeProvider? time = null)
        : base(options)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public override Task WriteAsync(EngagementBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            if (!_applied.Add(batch.Id))
            {
                return Task.CompletedTask;
            }

            _appliedOrder.Enqueue(batch.Id);
            if (_appliedOrder.Count > RememberedBatches)
            {
                _applied.Remove(_appliedOrder.Dequeue());
            }

            var now = _time.GetUtcNow();
            if (++_writes % 1024 == 0)
            {
                Purge(now);
            }

            foreach (var (key, fields) in batch.Counters)
            {
                var hash = Hash(key, now);
                foreach (var (field, delta) in fields)
                {
                    hash[field] = SaturatingCounter.Add(ParseLong(hash.GetValueOrDefault(field)), delta).ToString(CultureInfo.InvariantCulture);
                }
            }

            foreach (var (key, members) in batch.Uniques)
            {
                if (!_sets.TryGetValue(key, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    _sets[key] = set;
                }

                set.UnionWith(members);
            }

            foreach (var (key, change) in batch.Audience)
            {
                var hash = Hash(key, now);
                var start = ParseLong(hash.GetValueOrDefault(EngagementKeys.Viewers));
                hash[EngagementKeys.Viewers] = SaturatingCounter.Add(start, change.Delta).ToString(CultureInfo.InvariantCulture);
                var top = SaturatingCounter.Add(start, change.MaxPrefix);
                if (top > ParseLong(hash.GetValueOrDefault(EngagementKeys.Peak)))
                {
                    hash[EngagementKeys.Peak] = top.ToString(CultureInfo.InvariantCulture);
                }
            }

            foreach (var (key, fields) in batch.Maxima)
            {
                var hash = Hash(key, now);
                foreach (var (field, value) in fields)
                {
                    if (!hash.TryGetValue(field, out var old) || value > ParseLong(old))
                    {
                        hash[field] = value.ToString(CultureInfo.InvariantCulture);
                    }
                }
            }

            foreach (var (key, update) in batch.Affinities)
            {
                ApplyAffinity(key, update, now);
            }

            foreach (var (key, ttl) in batch.Expiries)
            {
                _expiresAt[key] = now + ttl;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyDictionary<string, string>> ReadHashAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, string> copy = Live(key, _time.GetUtcNow()) && _hashes.TryGetValue(key, out var hash)
                ? new Dictionary<string, string>(hash, StringComparer.Ordinal)
                : new Dictionary<string, string>();
            return Task.FromResult(copy);
        }
    }

    /// <inheritdoc />
    protected override Task<long[][]> ReadFieldsAsync(IReadOnlyList<string> keys, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var rows = new long[keys.Count][];
            for (var k = 0; k < keys.Count; k++)
            {
                var row = new long[fields.Count];
                if (Live(keys[k], now) && _hashes.TryGetValue(keys[k], out var hash))
                {
                    for (var f = 0; f < fields.Count; f++)
                    {
                        row[f] = ParseLong(hash.GetValueOrDefault(fields[f]));
                    }
                }

                rows[k] = row;
            }

            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    protected override Task<long> CountUniqueAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_sets.TryGetValue(key, out var set) ? (long)set.Count : 0L);
        }
    }

    private void ApplyAffinity(string key, AffinityUpdate update, DateTimeOffset now)
    {
        var hash = Hash(key, now);
        var at = update.AtUnixSeconds;
        if (hash.TryGetValue(AffinityDecay.TimeField, out var stamp))
        {
            var factor = AffinityDecay.Factor(ParseDouble(stamp), at, Options.AffinityHalfLife.TotalSeconds);
            if (factor < 1.0)
            {
                foreach (var field in hash.Keys.Where(f => f != AffinityDecay.TimeField).ToList())
                {
                    var decayed = ParseDouble(hash[field]) * factor;
                    if (decayed < Options.AffinityFloor)
                    {
                        hash.Remove(field);
                    }
                    else
                    {
                        hash[field] = decayed.ToString("R", CultureInfo.InvariantCulture);
                    }
                }

                hash[AffinityDecay.TimeField] = at.ToString("R", CultureInfo.InvariantCulture);
            }
        }
        else
        {
            hash[AffinityDecay.TimeField] = at.ToString("R", CultureInfo.InvariantCulture);
        }

        foreach (var (field, weight) in update.Weights)
        {
            hash[field] = (ParseDouble(hash.GetValueOrDefault(field)) + weight).ToString("R", CultureInfo.InvariantCulture);
        }

        _expiresAt[key] = now + Options.AffinityTtl;
    }

    private Dictionary<string, string> Hash(string key, DateTimeOffset now)
    {
        if (!Live(key, now))
        {
            _hashes.Remove(key);
            _expiresAt.Remove(key);
        }

        if (!_hashes.TryGetValue(key, out var hash))
        {
            hash = new Dictionary<string, string>(StringComparer.Ordinal);
            _hashes[key] = hash;
        }

        return hash;
    }

    private bool Live(string key, DateTimeOffset now) => !_expiresAt.TryGetValue(key, out var at) || at > now;

    private void Purge(DateTimeOffset now)
    {
        foreach (var key in _expiresAt.Where(e => e.Value <= now).Select(e => e.Key).ToList())
        {
            _hashes.Remove(key);
            _expiresAt.Remove(key);
        }
    }
}
