using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Video;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Grains.Video;

namespace LiveCommerce.Tests.Rules;

/// <summary>The rules of a stream's video (keys, pushes, replay), without a cluster.</summary>
public sealed class StreamVideoRulesTests
{
    private const string StreamId = "s-1";
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly MediaOptions Options = new() { RtmpUrl = "rtmp://media.example/live/" };
    private static readonly LiveStream Live = new() { Id = StreamId, CreatorId = "c-1", Title = "t", Status = StreamStatus.Live, ProductIds = ["p-1"] };
    private static readonly LiveStream Ended = Live with { Status = StreamStatus.Ended };

    [Fact]
    public void The_first_key_is_made_once_and_a_rotation_replaces_it()
    {
        var state = new StreamVideoState();
        var rules = new StreamVideoRules(state, StreamId);
        var secrets = new Queue<string>(["aaa", "bbb"]);

        Assert.True(rules.EnsureKey(secrets.Dequeue));
        Assert.False(rules.EnsureKey(secrets.Dequeue));
        Assert.Equal(new StreamIngest { RtmpUrl = "rtmp://media.example/live", StreamKey = "s-1?key=aaa" }, rules.Ingest(Options));

        rules.Rotate(secrets.Dequeue);
        Assert.Equal("s-1?key=bbb", rules.Ingest(Options).StreamKey);
        Assert.Equal(2, state.KeyVersion);
    }

    [Fact]
    public void The_rtmp_address_follows_the_settings_then_the_media_server_then_the_default_and_a_bare_server_gets_its_application()
    {
        var rules = new StreamVideoRules(new StreamVideoState { KeySecret = "k" }, StreamId);
        var announced = new MediaServerAddresses("rtmp://10.0.0.5:1936/live", "http://10.0.0.5:8089/hls");
        Assert.Equal("rtmp://media.example/live", rules.Ingest(Options, announced).RtmpUrl);
        Assert.Equal("rtmp://10.0.0.5:1936/live", rules.Ingest(new MediaOptions(), announced).RtmpUrl);
        Assert.Equal(MediaOptions.DefaultRtmpUrl, rules.Ingest(new MediaOptions()).RtmpUrl);
        Assert.Equal("rtmp://media.example:1935/live", rules.Ingest(new MediaOptions { RtmpUrl = "rtmp://media.example:1935/" }).RtmpUrl);
        Assert.Equal("rtmp://media.example/other", rules.Ingest(new MediaOptions { RtmpUrl = "rtmp://media.example/other" }).RtmpUrl);
    }

    [Fact]
    public void A_push_needs_the_current_key_and_a_stream_that_has_not_ended_and_a_refusal_changes_nothing()
    {
        var state = new StreamVideoState { KeySecret = "right" };
        var rules = new StreamVideoRules(state, StreamId);

        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<LiveCommerceException>(() => rules.Authorize(Live, Call("wrong"), Noon)).Kind);
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<LiveCommerceException>(() => rules.Authorize(Live, Call(null), Noon)).Kind);
        Assert.Equal(ErrorKind.Conflict, Assert.Throws<LiveCommerceException>(() => rules.Authorize(Ended, Call("right"), Noon)).Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<LiveCommerceException>(() => rules.Authorize(null, Call("right"), Noon)).Kind);
        Assert.Empty(state.Sessions);
        Assert.Equal(StreamVideo.Offline, rules.Video(Options));

        var noKeyYet = new StreamVideoRules(new StreamVideoState(), StreamId);
        Assert.Throws<LiveCommerceException>(() => noKeyYet.Authorize(Live, Call(string.Empty), Noon));
    }

    [Fact]
    public void A_push_is_live_until_it_stops_and_its_playback_follows_the_settings_then_the_media_server_then_the_default()
    {
        var state = new StreamVideoState { KeySecret = "k" };
        var rules = new StreamVideoRules(state, StreamId);

        Assert.True(rules.Authorize(Live, Call("k", "7", "http://10.0.0.5:8088/hls/"), Noon));
        Assert.False(rules.Authorize(Live, Call("k", "7", "http://10.0.0.5:8088/hls/"), Noon.AddSeconds(1)));
        Assert.Single(state.Sessions);
        Assert.Equal(new StreamVideo { Status = VideoStates.Live, PlaybackUrl = "http://10.0.0.5:8088/hls/s-1.m3u8" }, rules.Video(Options));
        Assert.Equal("https://cdn.example/hls/s-1.m3u8", rules.Video(new MediaOptions { PlaybackBaseUrl = "https://cdn.example/hls" }).PlaybackUrl);

        Assert.False(rules.End("8", Noon.AddSeconds(5)));
        Assert.True(rules.End("7", Noon.AddSeconds(5)));
        Assert.False(rules.End("7", Noon.AddSeconds(6)));
        Assert.Equal(StreamVideo.Offline, rules.Video(Options));

        rules.Authorize(Live, Call("k", "9", null), Noon.AddSeconds(10));
        Assert.Equal($"{MediaOptions.DefaultPlaybackBaseUrl}/s-1.m3u8", rules.Video(Options).PlaybackUrl);
        Assert.Equal("http://10.0.0.6/hls/s-1.m3u8", rules.Video(Options, new MediaServerAddresses(null, "http://10.0.0.6/hls")).PlaybackUrl);
    }

    [Fact]
    public void A_rotated_key_or_an_ended_stream_drops_a_running_push_and_a_push_not_reported_in_time_ends_at_its_last_report()
    {
        var state = new StreamVideoState { KeySecret = "old" };
        var rules = new StreamVideoRules(state, StreamId);
        rules.Authorize(Live, Call("old"), Noon);
        rules.Continue(Live, Call("old"), Noon.AddSeconds(5));

        rules.Rotate(() => "new");
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<LiveCommerceException>(() => rules.Continue(Live, Call("old"), Noon.AddSeconds(10))).Kind);
        Assert.Equal(ErrorKind.Conflict, Assert.Throws<LiveCommerceException>(() => rules.Continue(Ended, Call("new"), Noon.AddSeconds(10))).Kind);

        Assert.False(rules.ExpireStale(Noon.AddSeconds(30), TimeSpan.FromSeconds(30)));
        Assert.True(rules.ExpireStale(Noon.AddSeconds(36), TimeSpan.FromSeconds(30)));
        Assert.Equal(Noon.AddSeconds(5), state.Sessions[0].EndedAt);
        Assert.False(rules.IsLive);

        // The media server was only cut off: its next report brings the same push back on air.
        Assert.True(rules.Continue(Live, Call("new"), Noon.AddSeconds(40)));
        Assert.Single(state.Sessions);
        Assert.True(rules.IsLive);

        // A report of a push whose start the engine never heard of starts it.
        Assert.False(rules.Continue(Live, Call("new", "2"), Noon.AddSeconds(41)));
        Assert.Equal(2, state.Sessions.Count);
    }

    [Fact]
    public void The_replay_puts_moments_before_the_video_at_0_in_gaps_at_the_next_push_and_after_the_end_at_the_end()
    {
        var state = new StreamVideoState { KeySecret = "k" };
        var rules = new StreamVideoRules(state, StreamId);
        Assert.True(rules.Record(Entry(TimelineKinds.Pinned, "p-1", Noon.AddSeconds(-60)), 100));
        rules.Authorize(Live, Call("k", "1"), Noon);
        rules.Record(Entry(TimelineKinds.OfferStarted, "p-2", Noon.AddSeconds(4.25)), 100);
        rules.End("1", Noon.AddSeconds(10));
        rules.Record(Entry(TimelineKinds.Unpinned, "p-1", Noon.AddSeconds(15)), 100);
        rules.Authorize(Live, Call("k", "2"), Noon.AddSeconds(20));
        rules.Record(Entry(TimelineKinds.Pinned, "p-3", Noon.AddSeconds(22)), 100);
        // Recorded late (a one-way call that arrived after the next one): the replay orders by time.
        rules.Record(Entry(TimelineKinds.OfferEnded, "p-2", Noon.AddSeconds(8)), 100);
        rules.End("2", Noon.AddSeconds(25));
        rules.Record(Entry(TimelineKinds.AuctionEnded, "p-4", Noon.AddSeconds(40)), 100);

        Assert.Equal(ErrorKind.Conflict, Assert.Throws<LiveCommerceException>(() => rules.Replay(Live, Options, Noon.AddMinutes(1))).Kind);
        var replay = rules.Replay(Ended, Options, Noon.AddMinutes(1));

        Assert.Equal($"{MediaOptions.DefaultPlaybackBaseUrl}/replay/s-1.m3u8", replay.PlaybackUrl);
        Assert.Equal(15, replay.DurationSeconds);
        Assert.Equal(
            [(0.0, "pinned", "p-1"), (4.25, "offerStarted", "p-2"), (8, "offerEnded", "p-2"), (10, "unpinned", "p-1"), (12, "pinned", "p-3"), (15, "auctionEnded", "p-4")],
            replay.Timeline.Select(m => (m.OffsetSeconds, m.Kind, m.ProductId)));
    }

    [Fact]
    public void A_stream_without_video_has_a_replay_without_a_recording_and_bad_or_surplus_moments_are_left_out()
    {
        var state = new StreamVideoState();
        var rules = new StreamVideoRules(state, StreamId);
        Assert.False(rules.Record(Entry("dance", "p-1", Noon), 10));
        Assert.False(rules.Record(Entry(TimelineKinds.Pinned, " ", Noon), 10));
        Assert.True(rules.Record(Entry(TimelineKinds.Pinned, "p-1", Noon), 1));
        Assert.False(rules.Record(Entry(TimelineKinds.Unpinned, "p-1", Noon), 1));

        var replay = rules.Replay(Ended, Options, Noon);
        Assert.Null(replay.PlaybackUrl);
        Assert.Equal(0, replay.DurationSeconds);
        Assert.Equal(0, Assert.Single(replay.Timeline).OffsetSeconds);
    }

    [Fact]
    public void Overlapping_pushes_count_once_and_a_push_still_on_air_counts_until_now()
    {
        var clock = new ReplayClock(
        [
            new PublishSession { Id = "1", StartedAt = Noon, EndedAt = Noon.AddSeconds(10) },
            new PublishSession { Id = "2", StartedAt = Noon.AddSeconds(5), EndedAt = Noon.AddSeconds(12) },
            new PublishSession { Id = "3", StartedAt = Noon.AddSeconds(20) },
        ], Noon.AddSeconds(23));

        Assert.Equal(TimeSpan.FromSeconds(15), clock.Duration);
        Assert.Equal(Noon, clock.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(11), clock.OffsetOf(Noon.AddSeconds(11)));
        Assert.Equal(TimeSpan.FromSeconds(12), clock.OffsetOf(Noon.AddSeconds(15)));
        Assert.Equal(TimeSpan.FromSeconds(14), clock.OffsetOf(Noon.AddSeconds(22)));
    }

    [Fact]
    public void Keys_compare_whole_and_exact()
    {
        Assert.True(StreamKeys.Matches("abc", "abc"));
        Assert.False(StreamKeys.Matches("abc", "abcd"));
        Assert.False(StreamKeys.Matches("abc", "ABC"));
        Assert.False(StreamKeys.Matches(null, "abc"));
        Assert.False(StreamKeys.Matches("abc", null));
        Assert.Matches("^[0-9a-f]{40}$", StreamKeys.NewSecret());
        Assert.NotEqual(StreamKeys.NewSecret(), StreamKeys.NewSecret());
    }

    private static PublishCall Call(string? key, string session = "1", string? playback = null) => new(key, session, playback);

    private static TimelineEntry Entry(string kind, string productId, DateTimeOffset at) => new(kind, productId, at);
}
