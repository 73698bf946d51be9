using System.Globalization;
using LiveCommerce.BrowserTests.Infrastructure;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Testing.Media;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>
/// The live video and the shoppable replay in Chromium: a real media server (<c>scripts/media.sh</c>) takes an ffmpeg
/// test pattern (<c>media/test-pattern.sh</c>), the viewer page plays its HLS through hls.js and Chromium's MSE
/// decoder, with the product card over it. The test pattern carries the wall clock as a strip of boxes, read back from
/// the frames the page presents: that is the glass-to-glass latency.
/// </summary>
public sealed class VideoTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>The most glass-to-glass latency allowed (median of the frames read), on loopback.</summary>
    private const double LatencyLimitMs = 4000;

    // Reads the clock strip of media/test-pattern.sh from presented frames: 24 boxes along the bottom edge, the time in
    // hundredths of a second modulo 2^24, in Gray code. Answers the latency of each frame read, in milliseconds.
    private const string ReadLatencyScript = """
        async ({ samples, gapMs }) => {
          const video = document.querySelector('#player');
          const canvas = document.createElement('canvas');
          const context = canvas.getContext('2d', { willReadFrequently: true });
          const wrap = 2 ** 24;
          const latencies = [];
          for (let tries = 0; latencies.length < samples && tries < samples * 10; tries++) {
            await new Promise((resolve) => video.requestVideoFrameCallback(resolve));
            const presentedAt = performance.timeOrigin + performance.now();
            const width = video.videoWidth, height = video.videoHeight;
            if (!width || !height) continue;
            canvas.width = width;
            canvas.height = height;
            context.drawImage(video, 0, 0, width, height);
            const sx = width / 640, sy = height / 360;
            let gray = 0;
            for (let bit = 0; bit < 24; bit++) {
              const [r, g, b] = context.getImageData(Math.round((26 + bit * 25) * sx), Math.round(346 * sy), 1, 1).data;
              if ((r + g + b) / 3 > 128) gray |= 1 << bit;
            }
            let value = 0, running = 0;
            for (let bit = 23; bit >= 0; bit--) {
              running ^= (gray >> bit) & 1;
              value |= running << bit;
            }
            const now = Math.floor(presentedAt / 10);
            const burnedAt = (now - ((((now - value) % wrap) + wrap) % wrap)) * 10;
            latencies.push(presentedAt - burnedAt);
            await new Promise((resolve) => setTimeout(resolve, gapMs));
          }
          return latencies;
        }
        """;

    [Fact]
    public async Task Viewer_watches_the_live_video_with_the_pinned_card_over_it_within_four_seconds_of_the_camera_and_the_studio_previews_it()
    {
        var (creatorId, creator) = NewCreator();
        var hijab = await creator.CreateProductAsync(Product("Hijab Pashmina Kaos", 65_000, "IDR"));
        var stream = await LiveStreamAsync(creator, "Live video", [hijab.Id]);
        await creator.PinAsync(stream.Id, hijab.Id);

        await using var media = await MediaServer.StartAsync(Fixture.Engine.BaseAddress);
        await using var context = await Fixture.NewContextAsync();
        var viewer = await OpenViewerAsync(context, stream.Id);
        await viewer.WaitForSelectorAsync("#video-placeholder", new() { Timeout = WaitMs });

        // The engine has no Media settings here: it takes the addresses the media server gave when it started.
        var ingest = await creator.GetIngestAsync(stream.Id);
        Assert.Equal(media.RtmpUrl, ingest.RtmpUrl);
        await using var push = TestPattern.Start($"{ingest.RtmpUrl}/{ingest.StreamKey}");
        try
        {
            await viewer.WaitForSelectorAsync("#stage[data-video='live'] video#player", new() { Timeout = 30_000, State = WaitForSelectorState.Attached });
            var first = await WaitForPlaybackAsync(viewer, minimumSeconds: 0.5);
            await Task.Delay(2000);
            var second = await viewer.EvaluateAsync<double>("document.querySelector('#player').currentTime");
            Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"currentTime {first:F2} s, then {second:F2} s two seconds later"));
            Assert.True(second - first > 1.2, $"the video plays: currentTime went from {first:F2} to {second:F2} in 2 s");

            // The pinned card is drawn over the video: what is at its centre is the card, not the video.
            var pinned = viewer.Locator($"#pinned[data-product-id='{hijab.Id}']");
            await pinned.WaitForAsync(new() { Timeout = WaitMs });
            Assert.True(await viewer.EvaluateAsync<bool>("""
                () => {
                  const card = document.querySelector('#pinned').getBoundingClientRect();
                  const video = document.querySelector('#player').getBoundingClientRect();
                  const inside = card.left >= video.left && card.right <= video.right && card.top >= video.top && card.bottom <= video.bottom;
                  const top = document.elementFromPoint(card.left + card.width / 2, card.top + card.height / 2);
                  return inside && document.querySelector('#pinned').contains(top);
                }
                """), "the pinned card lies over the playing video");

            var latencies = await viewer.EvaluateAsync<double[]>(ReadLatencyScript, new { samples = 15, gapMs = 150 });
            Assert.NotEmpty(latencies);
            var sorted = latencies.Order().ToArray();
            var median = sorted[sorted.Length / 2];
            Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"glass-to-glass latency over {sorted.Length} frames: median {median:F0} ms, min {sorted[0]:F0} ms, max {sorted[^1]:F0} ms"));
            Assert.All(sorted, l => Assert.InRange(l, 0, 30_000));
            await ScreenshotAsync(viewer, "video-live-mobile");
            Assert.True(median <= LatencyLimitMs, $"the median glass-to-glass latency is {median:F0} ms; the target is at most {LatencyLimitMs} ms");

            // The studio: the server and the key (hidden until asked), and a preview of what viewers see.
            await using var studioContext = await Fixture.NewContextAsync(width: 1280, height: 900, mobile: false);
            var studio = await OpenStudioAsync(studioContext, creatorId, stream.Id);
            await Assertions.Expect(studio.Locator("#ingest-server")).ToHaveValueAsync(ingest.RtmpUrl);
            var key = studio.Locator("#stream-key");
            Assert.Equal("password", await key.GetAttributeAsync("type"));
            await studio.ClickAsync("#show-key");
            Assert.Equal("text", await key.GetAttributeAsync("type"));
            Assert.Equal(ingest.StreamKey, await key.InputValueAsync());
            await studio.WaitForSelectorAsync("#video-status.live", new() { Timeout = WaitMs });
            await studio.WaitForFunctionAsync(
                "() => { const v = document.querySelector('#studio-preview'); return v && v.currentTime > 0.5 && !v.paused; }", null, new() { Timeout = 30_000 });
            await studio.ClickAsync("#show-key");
            await studio.Locator("#video-panel").ScrollIntoViewIfNeededAsync();
            await ScreenshotAsync(studio, "video-studio-desktop");
        }
        catch
        {
            Output.WriteLine("ffmpeg: " + push.Errors);
            Output.WriteLine("media server: " + media.ErrorLog());
            throw;
        }
    }

    [Fact]
    public async Task An_ended_stream_plays_as_a_replay_with_each_product_at_its_moment_buyable_and_a_timeline_to_jump_to()
    {
        var (_, creator) = NewCreator();
        var batik = await creator.CreateProductAsync(Product("Kain Batik Tulis Lasem", 450_000, "IDR"));
        var scarf = await creator.CreateProductAsync(Product("Syal Tenun Ikat Sumba", 180_000, "IDR"));
        var stream = await LiveStreamAsync(creator, "Replay", [batik.Id, scarf.Id]);
        await creator.PinAsync(stream.Id, batik.Id);

        await using var media = await MediaServer.StartAsync(Fixture.Engine.BaseAddress);
        var ingest = await creator.GetIngestAsync(stream.Id);
        await using (var push = TestPattern.Start($"{media.RtmpUrl}/{ingest.StreamKey}", TimeSpan.FromSeconds(8)))
        {
            await WaitForVideoAsync(stream.Id, VideoStates.Live);
            await Task.Delay(TimeSpan.FromSeconds(4));
            await creator.PinAsync(stream.Id, scarf.Id);
            Assert.Equal(0, await push.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        await WaitForVideoAsync(stream.Id, VideoStates.Offline);
        await creator.EndStreamAsync(stream.Id);
        var replay = await creator.GetReplayAsync(stream.Id);
        var scarfAt = replay.Timeline.Single(m => m.Kind == TimelineKinds.Pinned && m.ProductId == scarf.Id).OffsetSeconds;
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replay {replay.DurationSeconds} s, the scarf pinned at {scarfAt} s"));
        Assert.InRange(scarfAt, 2.5, 6.5);
        await WaitForPlaylistEndAsync(replay.PlaybackUrl!);

        await using var context = await Fixture.NewContextAsync();
        var viewer = await OpenViewerAsync(context, stream.Id);
        await viewer.WaitForSelectorAsync("#stage[data-video='replay'] video#player", new() { Timeout = WaitMs, State = WaitForSelectorState.Attached });
        Assert.True(await viewer.Locator("#ended").IsHiddenAsync(), "a replay is watched, not hidden behind the end notice");
        await WaitForPlaybackAsync(viewer, minimumSeconds: 0.3);

        // At the start, the product pinned before the video began; later, the scarf at its moment.
        await viewer.WaitForSelectorAsync($"#pinned[data-product-id='{batik.Id}']", new() { Timeout = WaitMs });
        var chips = viewer.Locator("#replay-timeline .replay-chip");
        Assert.Equal(2, await chips.CountAsync());
        await viewer.Locator($"#replay-timeline .replay-chip[data-product-id='{scarf.Id}']").ClickAsync();
        await viewer.WaitForSelectorAsync($"#pinned[data-product-id='{scarf.Id}']", new() { Timeout = WaitMs });
        var at = await viewer.EvaluateAsync<double>("document.querySelector('#player').currentTime");
        Assert.InRange(at, scarfAt - 0.5, scarfAt + 3);
        await viewer.Locator($"#replay-timeline .replay-chip[data-product-id='{batik.Id}']").ClickAsync();
        await viewer.WaitForSelectorAsync($"#pinned[data-product-id='{batik.Id}']", new() { Timeout = WaitMs });

        // Buyable at list price.
        await DemoSignInAsync(viewer);
        await viewer.ClickAsync($"#pinned[data-product-id='{batik.Id}'] .pinned-add", new() { Timeout = WaitMs });
        await viewer.ClickAsync("#cart-button");
        var line = viewer.Locator($"#cart-lines .cart-line[data-product-id='{batik.Id}']");
        await line.WaitForAsync(new() { Timeout = WaitMs });
        Assert.Contains("450", Plain(await line.InnerTextAsync()), StringComparison.Ordinal);
        await viewer.ClickAsync("#cart-close");
        await ScreenshotAsync(viewer, "video-replay-mobile");
    }

    private static async Task<double> WaitForPlaybackAsync(IPage page, double minimumSeconds)
    {
        await page.WaitForFunctionAsync(
            "min => { const v = document.querySelector('#player'); return v && v.currentTime > min && !v.paused; }",
            minimumSeconds, new() { Timeout = 30_000 });
        return await page.EvaluateAsync<double>("document.querySelector('#player').currentTime");
    }

    private async Task WaitForVideoAsync(string streamId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Fixture.Engine.Api("anyone").GetStreamAsync(streamId)).Video.Status != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the video never became {status}");
            await Task.Delay(200);
        }
    }

    private static async Task WaitForPlaylistEndAsync(string url)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await http.GetAsync(url);
            if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("#EXT-X-ENDLIST", StringComparison.Ordinal))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{url} was never finished");
            await Task.Delay(250);
        }
    }
}
