using System.Globalization;

namespace LiveCommerce.Testing.Faults;

/// <summary>
/// What <see cref="FaultyGrainStorage"/> injects, shared by every grain of a host: seeded rates for each kind of
/// failure, a switch (<see cref="Enabled"/>, off until a test turns it on, so setup and the final check run clean)
/// and counts of what was injected. Decisions come from one seeded generator in call order, so a run with the
/// same seed and the same interleaving injects the same faults.
/// </summary>
public sealed class GrainStorageFaults
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private volatile bool _enabled;
    private long _calls;
    private long _writesFailedBefore;
    private long _writesFailedAfter;
    private long _readsFailed;
    private long _clearsFailed;

    /// <summary>Creates a fault plan with <paramref name="seed"/>; every rate is 0 until set.</summary>
    public GrainStorageFaults(int seed)
    {
        Seed = seed;
        _random = new Random(seed);
    }

    /// <summary>The seed of the decisions.</summary>
    public int Seed { get; }

    /// <summary>Share of writes that fail before they land (nothing written).</summary>
    public double WriteFailBeforeRate { get; init; }

    /// <summary>Share of writes that land and then fail with <see cref="InjectedStorageTimeoutException"/>.</summary>
    public double WriteFailAfterRate { get; init; }

    /// <summary>Share of reads that fail (nothing read).</summary>
    public double ReadFailRate { get; init; }

    /// <summary>Share of clears that fail, half before and half after they land.</summary>
    public double ClearFailRate { get; init; }

    /// <summary>
    /// When a write or clear fails after it landed, give the caller back its old ETag, as a client that never saw
    /// the answer would still hold; the caller's next write then meets the ETag conflict it would meet for real.
    /// On by default.
    /// </summary>
    public bool KeepOldETagAfterLandedFailure { get; init; } = true;

    /// <summary>Which states (by the name given to <c>[PersistentState]</c>) may fail; all when null.</summary>
    public Func<string, bool>? States { get; init; }

    /// <summary>Whether faults are injected now. Off at first.</summary>
    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>Storage calls seen while enabled.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Writes failed before they landed.</summary>
    public long WritesFailedBefore => Interlocked.Read(ref _writesFailedBefore);

    /// <summary>Writes that landed and then failed.</summary>
    public long WritesFailedAfter => Interlocked.Read(ref _writesFailedAfter);

    /// <summary>Reads failed.</summary>
    public long ReadsFailed => Interlocked.Read(ref _readsFailed);

    /// <summary>Clears failed.</summary>
    public long ClearsFailed => Interlocked.Read(ref _clearsFailed);

    /// <summary>Decides the fate of one call on the state named <paramref name="stateName"/>, and counts it.</summary>
    public StorageFault Decide(StorageOperation operation, string stateName)
    {
        if (!_enabled || (States is { } states && !states(stateName)))
        {
            return StorageFault.None;
        }

        Interlocked.Increment(ref _calls);
        double roll;
        lock (_gate)
        {
            roll = _random.NextDouble();
        }

        switch (operation)
        {
            case StorageOperation.Write when roll < WriteFailBeforeRate:
                Interlocked.Increment(ref _writesFailedBefore);
                return StorageFault.Before;
            case StorageOperation.Write when roll < WriteFailBeforeRate + WriteFailAfterRate:
                Interlocked.Increment(ref _writesFailedAfter);
                return StorageFault.After;
            case StorageOperation.Read when roll < ReadFailRate:
                Interlocked.Increment(ref _readsFailed);
                return StorageFault.Before;
            case StorageOperation.Clear when roll < ClearFailRate:
                Interlocked.Increment(ref _clearsFailed);
                return roll < ClearFailRate / 2 ? StorageFault.Before : StorageFault.After;
            default:
                return StorageFault.None;
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "seed {0}: {1} storage calls while on; writes failed before landing {2}, after landing {3}; reads failed {4}; clears failed {5}",
        Seed, Calls, WritesFailedBefore, WritesFailedAfter, ReadsFailed, ClearsFailed);
}
