using System.Diagnostics;
using System.Net;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Testing;
using LiveCommerce.Testing.Media;
using LiveCommerce.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.Video;

/// <summary>
/// The engine with a real media server (nginx and its RTMP module, through <c>scripts/media.sh</c>) and a real encoder
/// (ffmpeg's test pattern, through <c>media/test-pattern.sh</c>): the callbacks authorize and refuse pushes, viewers get
/// <c>VideoStatus</c>, a replaced key drops a running push, and the replay finds each pin at its moment. Run once in the
/// embedded default and once in cluster mode.
/// </summary>
public abstract class MediaServerScenarios(ITestOutputHelper output)
{
    private const string CallbackSecret = "media-callback-secret-for-tests";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>The Redis of cluster mode, or null for the embedded default.</summary>
    protected abstract string? Redis { get; }

    [Fact]
    public async Task A_push_goes_live_a_wrong_key_is_refused_a_new_key_drops_the_old_push_and_the_replay_has_each_pin_at_its_moment()
    {
        var rtmpPort = FreePorts.Next();
        var httpPort = FreePorts.Next();
        await using var host = new EngineHost(Redis, settings: new Dictionary<string, string?>
        {
            ["Media:RtmpUrl"] = $"rtmp://127.0.0.1:{rtmpPort}/live",
            ["Media:CallbackSecret"] = CallbackSecret,
        });
        await using var media = await MediaServer.StartAsync(host.BaseAddress, CallbackSecret, updateSeconds: 1, rtmpPort, httpPort);
        try
        {
            await RunAsync(host, media);
        }
        catch
        {
            output.WriteLine("media server log:\n" + media.ErrorLog());
            throw;
        }
    }

    private async Task RunAsync(EngineHost host, MediaServer media)
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(host);
        await using var viewer = await host.ConnectViewerAsync();
        var statuses = new Inbox<VideoStatus>();
        viewer.VideoStatus += statuses.Add;
        var joined = await viewer.JoinStreamAsync(stream.Id);
        Assert.Equal(VideoStates.Offline, joined.Video.Status);
        Assert.Null(joined.Video.PlaybackUrl);

        // The key is the creator's alone; the callbacks are the media server's alone.
        var other = host.Api("creator-" + Guid.NewGuid().ToString("N")[..8], "creator");
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<LiveApiException>(() => other.GetIngestAsync(stream.Id))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<LiveApiException>(() => host.Api("viewer-1", "viewer").GetIngestAsync(stream.Id))).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Assert.ThrowsAsync<LiveApiException>(() => creator.GetReplayAsync(stream.Id))).Status);
        using (var forged = await host.Http.PostAsync("/api/media/publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = stream.Id, ["clientid"] = "1", ["call"] = "publish",
        })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        var ingest = await creator.GetIngestAsync(stream.Id);
        Assert.Equal(media.RtmpUrl, ingest.RtmpUrl);
        Assert.StartsWith(stream.Id + "?key=", ingest.StreamKey, StringComparison.Ordinal);
        Assert.Equal(ingest, await creator.GetIngestAsync(stream.Id));

        // Pinned before the video starts: at offset 0 of the replay.
        await creator.PinAsync(stream.Id, products[0].Id);

        // A wrong key is refused: the encoder gives up, and viewers hear nothing.
        await using (var wrong = TestPattern.Start($"{ingest.RtmpUrl}/{stream.Id}?key=0123456789abcdef0123456789abcdef01234567"))
        {
            Assert.NotEqual(0, await wrong.WaitForExitAsync(Wait));
        }

        await using (var noKey = TestPattern.Start($"{ingest.RtmpUrl}/{stream.Id}"))
        {
            Assert.NotEqual(0, await noKey.WaitForExitAsync(Wait));
        }

        Assert.Empty(statuses.Items);

        // The right key: the video goes live for viewers, with a playlist the media server serves.
        var watch = Stopwatch.StartNew();
        await using (var push = TestPattern.Start($"{ingest.RtmpUrl}/{ingest.StreamKey}", TimeSpan.FromSeconds(4)))
        {
            var live = await statuses.WaitForAsync(s => s.Status == VideoStates.Live, Wait);
            var liveAt = watch.Elapsed;
            Assert.Equal(stream.Id, live.StreamId);
            Assert.Equal($"{media.PlaybackBaseUrl}/{stream.Id}.m3u8", live.PlaybackUrl);
            Assert.Equal(live.PlaybackUrl, (await creator.GetStreamAsync(stream.Id)).Video.PlaybackUrl);
            await using (var late = await host.ConnectViewerAsync(protocol: HubProtocol.MessagePack))
            {
                var snapshot = await late.JoinStreamAsync(stream.Id);
                Assert.Equal((VideoStates.Live, live.PlaybackUrl), (snapshot.Video.Status, snapshot.Video.PlaybackUrl));
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await creator.PinAsync(stream.Id, products[1].Id);
            var pinnedAfter = watch.Elapsed - liveAt;
            Assert.Contains("#EXTINF", await ReadUntilAsync(live.PlaybackUrl!, "#EXTINF"), StringComparison.Ordinal);
            Assert.Equal(0, await push.WaitForExitAsync(Wait));
            await statuses.WaitForAsync(s => s.Status == VideoStates.Offline, Wait);
            output.WriteLine($"second pin {pinnedAfter.TotalSeconds:F2} s after the video went live (as the test saw it)");
        }

        // A new key: the old one no longer pushes, and a push running with it is dropped at its next report.
        var rotated = await creator.RotateIngestKeyAsync(stream.Id);
        Assert.NotEqual(ingest.StreamKey, rotated.StreamKey);
        await using (var stale = TestPattern.Start($"{ingest.RtmpUrl}/{ingest.StreamKey}"))
        {
            Assert.NotEqual(0, await stale.WaitForExitAsync(Wait));
        }

        var before = statuses.Items.Count;
        await using (var running = TestPattern.Start($"{rotated.RtmpUrl}/{rotated.StreamKey}"))
        {
            await statuses.WaitForAsync(s => s.Status == VideoStates.Live && statuses.Items.Count > before, Wait);
            await creator.RotateIngestKeyAsync(stream.Id);
            Assert.NotEqual(0, await running.WaitForExitAsync(Wait));
        }

        await statuses.WaitForAsync(s => s.Status == VideoStates.Offline && statuses.Items.Count > before + 1, Wait);

        // The replay: the recording as a finished playlist, and each pin at its moment.
        await creator.EndStreamAsync(stream.Id);
        var replay = await creator.GetReplayAsync(stream.Id);
        Assert.Equal($"{media.PlaybackBaseUrl}/replay/{stream.Id}.m3u8", replay.PlaybackUrl);
        Assert.InRange(replay.DurationSeconds, 3.0, 12.0);
        var pins = replay.Timeline.Where(m => m.Kind == TimelineKinds.Pinned).ToList();
        Assert.Equal([products[0].Id, products[1].Id], pins.Select(p => p.ProductId));
        Assert.Equal(0, pins[0].OffsetSeconds);
        Assert.InRange(pins[1].OffsetSeconds, 1.0, 3.5);
        output.WriteLine($"replay: {replay.DurationSeconds} s, second pin at {pins[1].OffsetSeconds} s");

        var playlist = await ReadUntilAsync(replay.PlaybackUrl!, "#EXT-X-ENDLIST", "#EXT-X-DISCONTINUITY");
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD", playlist, StringComparison.Ordinal);
        var segment = playlist.Split('\n').First(line => line.EndsWith(".ts", StringComparison.Ordinal));
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(new Uri(new Uri(replay.PlaybackUrl!), segment));
        Assert.Equal(0x47, bytes[0]); // an MPEG-TS packet
    }

    private static async Task<string> ReadUntilAsync(string url, params string[] marks)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + Wait;
        var text = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(url);
            text = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : string.Empty;
            if (marks.All(mark => text.Contains(mark, StringComparison.Ordinal)))
            {
                return text;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{url} never had {string.Join(", ", marks)}; last read:\n{text}");
    }
}
