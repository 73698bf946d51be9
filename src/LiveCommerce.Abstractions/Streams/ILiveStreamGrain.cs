using Orleans.Concurrency;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Video;

namespace LiveCommerce.Abstractions.Streams;

/// <summary>
/// One live stream, keyed by its id: its creator, status, product list and pinned product. Every change a
/// viewer must see is pushed by this grain after its state is stored, so no viewer misses it.
/// </summary>
[Alias("lc.ILiveStreamGrain")]
public interface ILiveStreamGrain : IGrainWithStringKey
{
    /// <summary>Creates the stream in the <c>scheduled</c> status.</summary>
    [Alias("CreateAsync")]
    Task<LiveStream> CreateAsync(string creatorId, string title, IReadOnlyList<string> productIds, string? videoUrl);

    /// <summary>The stream, or null when there is no such stream.</summary>
    [Alias("GetAsync"), AlwaysInterleave]
    Task<LiveStream?> GetAsync();

    /// <summary>Adds a product to the stream's list.</summary>
    [Alias("AddProductAsync")]
    Task<LiveStream> AddProductAsync(string callerId, string productId);

    /// <summary>Goes live.</summary>
    [Alias("StartAsync")]
    Task<LiveStream> StartAsync(string callerId);

    /// <summary>Ends the stream and tells every viewer.</summary>
    [Alias("EndAsync")]
    Task<LiveStream> EndAsync(string callerId);

    /// <summary>Pins a listed product and tells every viewer.</summary>
    [Alias("PinAsync")]
    Task<ProductCard> PinAsync(string callerId, string productId);

    /// <summary>Takes the pinned product down and tells every viewer.</summary>
    [Alias("UnpinAsync")]
    Task UnpinAsync(string callerId);

    /// <summary>What a joining viewer sees; products in the creator's order.</summary>
    [Alias("GetSnapshotAsync")]
    Task<StreamSnapshot> GetSnapshotAsync();

    /// <summary>Starts a flash offer on a listed product of the live stream and tells every viewer.</summary>
    [Alias("CreateOfferAsync")]
    Task<Offer> CreateOfferAsync(string callerId, CreateOfferRequest request);

    /// <summary>Ends one of the stream's offers early.</summary>
    [Alias("CancelOfferAsync")]
    Task CancelOfferAsync(string callerId, string offerId);

    /// <summary>An offer of this stream ended; it leaves the snapshot.</summary>
    [Alias("OfferEndedAsync"), OneWay]
    Task OfferEndedAsync(string offerId);

    /// <summary>Posts a viewer's comment to every viewer; the stream must be live.</summary>
    [Alias("PostCommentAsync")]
    Task PostCommentAsync(string userId, string text);

    /// <summary>
    /// A silo reports how many of its connections watch this stream and the reactions they sent since its
    /// last report. Reports are folded into the cluster-wide viewer count pushed to viewers.
    /// </summary>
    [Alias("ReportActivityAsync")]
    Task ReportActivityAsync(string siloId, int viewers, long reactions);

    /// <summary>
    /// The stream's video went live or offline (told by its video grain): stored for the snapshot, then pushed to
    /// every viewer as <c>VideoStatus</c>. Repeating the same value changes nothing.
    /// </summary>
    [Alias("SetVideoAsync")]
    Task SetVideoAsync(StreamVideo video);
}
