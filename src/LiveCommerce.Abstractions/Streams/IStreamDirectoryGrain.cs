using LiveCommerce.Contracts.Streams;

namespace LiveCommerce.Abstractions.Streams;

/// <summary>
/// The directory of streams that are scheduled or live (one grain, key 0): what the landing page and the
/// creator studio list. Streams keep it current as their status changes; ended streams leave it.
/// </summary>
[Alias("lc.IStreamDirectoryGrain")]
public interface IStreamDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Records a stream's current listing; an ended stream is removed.</summary>
    [Alias("UpdateAsync")]
    Task UpdateAsync(StreamListing listing);

    /// <summary>Scheduled and live streams, live first, newest first; optionally only one creator's.</summary>
    [Alias("ListAsync")]
    Task<IReadOnlyList<StreamListing>> ListAsync(string? creatorId);
}
