using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Video;

namespace LiveCommerce.Grains.Streams;

/// <summary>The stored state of a <see cref="LiveStreamGrain"/>.</summary>
[GenerateSerializer, Alias("lc.LiveStreamState")]
public sealed record LiveStreamState
{
    /// <summary>The stream, or null before it is created.</summary>
    [Id(0)] public LiveStream? Stream { get; set; }

    /// <summary>Reactions sent by viewers, as reported by the silos.</summary>
    [Id(1)] public long Reactions { get; set; }

    /// <summary>The flash offers that may still be running, oldest first.</summary>
    [Id(2)] public List<string> OfferIds { get; set; } = [];

    /// <summary>Offers whose <c>OfferStarted</c> may not have gone out yet; announced when the stream comes back.</summary>
    [Id(3)] public List<string> Unannounced { get; set; } = [];

    /// <summary>The video's status as its video grain last told it; null until it did (offline).</summary>
    [Id(4)] public StreamVideo? Video { get; set; }
}
