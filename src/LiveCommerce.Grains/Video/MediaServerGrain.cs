using LiveCommerce.Abstractions.Video;
using LiveCommerce.Grains.Storage;

namespace LiveCommerce.Grains.Video;

/// <inheritdoc cref="IMediaServerGrain" />
public sealed class MediaServerGrain(
    [PersistentState("media-server")] IPersistentState<MediaServerState> state,
    TimeProvider time) : Grain, IMediaServerGrain
{
    /// <inheritdoc />
    public async Task AnnounceAsync(MediaServerAddresses addresses)
    {
        if (state.State.Addresses == addresses)
        {
            return;
        }

        state.State.Addresses = addresses;
        state.State.AnnouncedAt = time.GetUtcNow();
        await state.WriteOrReloadAsync(this);
    }

    /// <inheritdoc />
    public Task<MediaServerAddresses?> GetAsync() => Task.FromResult(state.State.Addresses);
}
