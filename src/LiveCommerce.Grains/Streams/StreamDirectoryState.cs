using LiveCommerce.Contracts.Streams;

namespace LiveCommerce.Grains.Streams;

/// <summary>The stored state of a <see cref="StreamDirectoryGrain"/>.</summary>
[GenerateSerializer, Alias("lc.StreamDirectoryState")]
public sealed record StreamDirectoryState
{
    /// <summary>Listings of scheduled and live streams by id.</summary>
    [Id(0)] public Dictionary<string, StreamListing> Streams { get; set; } = new(StringComparer.Ordinal);
}
