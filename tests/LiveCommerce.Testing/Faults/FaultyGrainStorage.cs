using Orleans.Storage;

namespace LiveCommerce.Testing.Faults;

/// <summary>
/// Decorates a real grain-storage provider (memory or Redis) and fails calls as <see cref="GrainStorageFaults"/>
/// decides: a write that fails before it lands throws <see cref="InjectedStorageException"/> and writes nothing;
/// one that fails after it lands writes, then throws <see cref="InjectedStorageTimeoutException"/> (and, by default,
/// leaves the caller its old ETag, as a lost answer would). Takes part in the silo lifecycle when the real provider
/// does (the Redis provider connects there).
/// </summary>
public sealed class FaultyGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly IGrainStorage _inner;
    private readonly GrainStorageFaults _faults;
    private readonly string _name;

    /// <summary>Wraps <paramref name="inner"/>, registered as provider <paramref name="name"/>.</summary>
    public FaultyGrainStorage(IGrainStorage inner, GrainStorageFaults faults, string name)
    {
        _inner = inner;
        _faults = faults;
        _name = name;
    }

    /// <summary>The real provider.</summary>
    public IGrainStorage Inner => _inner;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_faults.Decide(StorageOperation.Read, stateName) != StorageFault.None)
        {
            throw new InjectedStorageException($"Injected failure reading '{stateName}' of {grainId} from '{_name}'.");
        }

        return _inner.ReadStateAsync(stateName, grainId, grainState);
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ChangeAsync(StorageOperation.Write, stateName, grainId, grainState, () => _inner.WriteStateAsync(stateName, grainId, grainState));

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ChangeAsync(StorageOperation.Clear, stateName, grainId, grainState, () => _inner.ClearStateAsync(stateName, grainId, grainState));

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (_inner is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            participant.Participate(lifecycle);
        }
    }

    private async Task ChangeAsync<T>(StorageOperation operation, string stateName, GrainId grainId, IGrainState<T> grainState, Func<Task> change)
    {
        var fault = _faults.Decide(operation, stateName);
        if (fault == StorageFault.Before)
        {
            throw new InjectedStorageException($"Injected failure before {operation} of '{stateName}' of {grainId} landed in '{_name}'.");
        }

        var etag = grainState.ETag;
        var existed = grainState.RecordExists;
        await change();
        if (fault == StorageFault.After)
        {
            if (_faults.KeepOldETagAfterLandedFailure)
            {
                grainState.ETag = etag;
                grainState.RecordExists = existed;
            }

            throw new InjectedStorageTimeoutException($"Injected timeout after {operation} of '{stateName}' of {grainId} landed in '{_name}'.");
        }
    }
}
