using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Grains.Storage;

namespace LiveCommerce.Grains.Streams;

/// <inheritdoc cref="IStreamDirectoryGrain" />
public sealed class StreamDirectoryGrain(
    [PersistentState("directory")] IPersistentState<StreamDirectoryState> state) : Grain, IStreamDirectoryGrain
{
    /// <summary>The most streams the directory lists at once.</summary>
    public const int Capacity = 10_000;

    /// <inheritdoc />
    public async Task UpdateAsync(StreamListing listing)
    {
        if (listing.Status == StreamStatus.Ended)
        {
            if (!state.State.Streams.Remove(listing.Id))
            {
                return;
            }
        }
        else if (state.State.Streams.Count < Capacity || state.State.Streams.ContainsKey(listing.Id))
        {
            state.State.Streams[listing.Id] = listing;
        }

        await state.WriteOrReloadAsync(this);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamListing>> ListAsync(string? creatorId) => Task.FromResult<IReadOnlyList<StreamListing>>(
    [
        .. state.State.Streams.Values
            .Where(s => creatorId is null || s.CreatorId == creatorId)
            .OrderBy(s => s.Status == StreamStatus.Live ? 0 : 1)
            .ThenByDescending(s => s.StartedAt ?? s.CreatedAt),
    ]);
}
