namespace LiveCommerce.Grains.Storage;

/// <summary>How every grain stores its state: nothing is answered before it is stored, and a failed write never leaves memory ahead of storage.</summary>
public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state. When the write fails (refused, timed out, or landed but answered with an error), the
    /// state is read back from storage, so the grain goes on from what is stored, not from a change that may
    /// not have been kept; when even the read fails, the grain is deactivated and starts afresh on its next call.
    /// The write's error is always rethrown: the caller's request fails and is not answered as done.
    /// </summary>
    public static async Task WriteOrReloadAsync<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await ReloadAsync(state, grain);
            throw;
        }
    }

    /// <summary>
    /// <see cref="WriteOrReloadAsync{T}"/> for a write whose loss is made good later (it is worked out again, or
    /// retried): answers the write's error, or null when it was stored, instead of throwing.
    /// </summary>
    public static async Task<Exception?> TryWriteOrReloadAsync<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.WriteOrReloadAsync(grain);
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    /// <summary>Reads the stored state back after a failure; deactivates the grain when that fails too.</summary>
    public static async Task ReloadAsync<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.ReadStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
