using LiveCommerce.Contracts.Video;
using Orleans.Concurrency;

namespace LiveCommerce.Abstractions.Video;

/// <summary>
/// The video of one live stream, keyed by the stream's id: its stream key, the pushes the media server reported,
/// and the product timeline its replay shows. It tells the stream grain when the video goes live or offline, and
/// never waits on the stream grain for anything else than reading it, so the two never wait on each other.
/// </summary>
[Alias("lc.IStreamVideoGrain")]
public interface IStreamVideoGrain : IGrainWithStringKey
{
    /// <summary>The RTMP address and stream key, for the stream's creator only; the key is made on first ask.</summary>
    [Alias("GetIngestAsync")]
    Task<StreamIngest> GetIngestAsync(string callerId);

    /// <summary>Replaces the stream key, for the stream's creator only: the old key stops working at once.</summary>
    [Alias("RotateKeyAsync")]
    Task<StreamIngest> RotateKeyAsync(string callerId);

    /// <summary>
    /// The media server asks whether a push may start. Answers when it may; throws a refusal
    /// (<see cref="Errors.LiveCommerceException"/>: unknown stream, wrong key, stream ended) otherwise.
    /// </summary>
    [Alias("AuthorizePublishAsync")]
    Task AuthorizePublishAsync(PublishCall call);

    /// <summary>
    /// The media server reports that a push goes on. Throws a refusal when it must stop (its key was replaced or the
    /// stream ended), which makes the media server drop it.
    /// </summary>
    [Alias("ContinuePublishAsync")]
    Task ContinuePublishAsync(PublishCall call);

    /// <summary>The media server reports that a push stopped.</summary>
    [Alias("PublishEndedAsync")]
    Task PublishEndedAsync(PublishCall call);

    /// <summary>
    /// Records a moment for the replay's timeline (pins, offers, auctions). One-way: the caller never waits, and a
    /// moment that cannot be stored is logged and left out.
    /// </summary>
    [Alias("RecordAsync"), OneWay]
    Task RecordAsync(TimelineEntry entry);

    /// <summary>The replay of an ended stream: the recording and the timeline with offsets from the start of the video.</summary>
    [Alias("GetReplayAsync")]
    Task<StreamReplay> GetReplayAsync();
}
