using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Abstractions.Video;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.Grains;

/// <summary>The stream video grain with the stream grain, in an Orleans test cluster (no media server: its calls are made here).</summary>
public sealed class StreamVideoGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task Pushes_move_the_snapshot_and_send_VideoStatus_once_per_change_and_the_replay_has_the_pins_of_the_stream()
    {
        var creator = "creator-" + Guid.NewGuid();
        var product = await Grains.GetGrain<ISellerCatalogGrain>(creator).CreateProductAsync(Catalog.Product());
        var streamId = Guid.NewGuid().ToString("N");
        var stream = Grains.GetGrain<ILiveStreamGrain>(streamId);
        var video = Grains.GetGrain<IStreamVideoGrain>(streamId);
        await stream.CreateAsync(creator, "Video", [product.Id], null);

        Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<LiveCommerceException>(() => video.GetIngestAsync("intruder"))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<LiveCommerceException>(() =>
            Grains.GetGrain<IStreamVideoGrain>("no-such-stream").GetIngestAsync(creator))).Kind);
        var key = (await video.GetIngestAsync(creator)).StreamKey.Split("?key=")[1];
        await stream.PinAsync(creator, product.Id);

        // A push while the stream is scheduled is taken (the creator can try the encoder before going live).
        await video.AuthorizePublishAsync(new PublishCall(key, "1", "http://10.1.1.1/hls"));
        await video.AuthorizePublishAsync(new PublishCall(key, "1", "http://10.1.1.1/hls"));
        await video.ContinuePublishAsync(new PublishCall(key, "1", "http://10.1.1.1/hls"));
        var snapshot = await stream.GetSnapshotAsync();
        Assert.Equal(new StreamVideo { Status = VideoStates.Live, PlaybackUrl = $"http://10.1.1.1/hls/{streamId}.m3u8" }, snapshot.Video);
        await video.PublishEndedAsync(new PublishCall(key, "1", null));
        Assert.Equal(StreamVideo.Offline, (await stream.GetSnapshotAsync()).Video);

        var statuses = RecordingNotifier.SentTo(streamId).Where(e => e.EventName == HubEvents.VideoStatus).Select(e => (VideoStatus)e.Payload).ToList();
        Assert.Equal([VideoStates.Live, VideoStates.Offline], statuses.Select(s => s.Status));

        await stream.StartAsync(creator);
        await stream.EndAsync(creator);
        Assert.Equal(ErrorKind.Conflict, (await Assert.ThrowsAsync<LiveCommerceException>(() => video.AuthorizePublishAsync(new PublishCall(key, "2", null)))).Kind);

        // The pin is recorded one-way: it arrives shortly after the pin's answer.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        StreamReplay replay;
        while ((replay = await video.GetReplayAsync()).Timeline.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal($"http://10.1.1.1/hls/replay/{streamId}.m3u8", replay.PlaybackUrl);
        var pinned = Assert.Single(replay.Timeline);
        Assert.Equal((TimelineKinds.Pinned, product.Id, 0.0), (pinned.Kind, pinned.ProductId, pinned.OffsetSeconds));
    }
}
