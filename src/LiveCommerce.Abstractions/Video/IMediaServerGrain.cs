namespace LiveCommerce.Abstractions.Video;

/// <summary>
/// What the media server said about itself when it last started (one grain, key 0). The engine's <c>Media</c>
/// settings win over it; it fills in what they leave out.
/// </summary>
[Alias("lc.IMediaServerGrain")]
public interface IMediaServerGrain : IGrainWithIntegerKey
{
    /// <summary>Records the addresses a media server gives (the latest one wins).</summary>
    [Alias("AnnounceAsync")]
    Task AnnounceAsync(MediaServerAddresses addresses);

    /// <summary>The addresses last given, or null when no media server has given any.</summary>
    [Alias("GetAsync")]
    Task<MediaServerAddresses?> GetAsync();
}
