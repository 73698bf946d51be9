using System.Collections.Concurrent;
using System.Diagnostics;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Analytics;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Simulator.Reporting;
using LiveCommerce.Simulator.Setup;
using LiveCommerce.Simulator.Swarm;

namespace LiveCommerce.Simulator.Scenarios;

/// <summary>
/// Engagement throughput: every viewer (signed in) reacts and opens product cards at a steady pace (<c>--rate</c>, within the
/// hub's rate limits) for <c>--duration</c> seconds, and one viewer in ten posts a comment. Reports the engagement events
/// per second the engine sustained, compares the stream's analytics afterwards with what the viewers were told
/// succeeded (lost must be 0), and then runs the same pace with the empty hub call <c>Ping</c> in the same run, for
/// the ratio of the two rates and their latencies.
/// </summary>
public sealed class EngagementScenario(SimulatorOptions options, HttpClient http, TokenSource tokens)
{
    private const int Products = 6;

    /// <summary>Runs the scenario.</summary>
    public async Task<Summary> RunAsync()
    {
        var (stream, products, creator) = await DemoShop.OpenAsync(http, tokens, products: Products, stock: 1_000);
        var run = Guid.NewGuid().ToString("N")[..6];
        await using var swarm = new ViewerSwarm();
        await swarm.ConnectAsync(options, stream.Id, options.Viewers, i => tokens.ForAsync($"sim-{run}-{i}", "viewer").ContinueWith(t => (string?)t.Result), null,
            connected => Console.Error.Write($"\rconnecting viewers: {connected}/{options.Viewers}   "));
        Console.Error.WriteLine();

        var duration = TimeSpan.FromSeconds(options.DurationSeconds);
        Console.Error.WriteLine($"engagement phase: {options.DurationSeconds} s");
        var engagement = await DriveAsync(swarm.Viewers, duration, options.Rate, async (viewer, index, n) =>
        {
            if (n == 7 && index % 10 == 0)
            {
                await viewer.CommentAsync(stream.Id, $"Simulated comment {index}");
                return HubMethods.Comment;
            }

            if (n % 2 == 0)
            {
                await viewer.ReactAsync(stream.Id, "heart");
                return HubMethods.React;
            }

            await viewer.ViewProductAsync(stream.Id, products[(index + n) % products.Count].Id);
            return HubMethods.ViewProduct;
        });

        // Everything the viewers were told succeeded must be in the store: poll the creator's analytics.
        var expectedReactions = engagement.Succeeded.GetValueOrDefault(HubMethods.React);
        var expectedClicks = engagement.Succeeded.GetValueOrDefault(HubMethods.ViewProduct);
        var expectedComments = engagement.Succeeded.GetValueOrDefault(HubMethods.Comment);
        var expected = expectedReactions + expectedClicks + expectedComments;
        var settle = Stopwatch.StartNew();
        StreamAnalytics analytics;
        long stored;
        do
        {
            analytics = await creator.SendAsync<StreamAnalytics>(HttpMethod.Get, $"/api/streams/{stream.Id}/analytics", null);
            stored = analytics.Reactions + analytics.Comments + analytics.Products.Sum(p => p.Clicks);
            if (stored >= expected)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (settle.Elapsed < TimeSpan.FromSeconds(60));
        var settledMs = settle.Elapsed.TotalMilliseconds;

        Console.Error.WriteLine($"empty-call phase: {options.DurationSeconds} s");
        var ping = await DriveAsync(swarm.Viewers, duration, options.Rate, async (viewer, _, _) =>
        {
            await viewer.PingAsync();
            return HubMethods.Ping;
        });

        var joins = options.Viewers;
        return new Summary("engagement")
            .Add("viewers", options.Viewers)
            .Add("engines", options.Urls.Count)
            .Add("protocol", options.Protocol?.ToString() ?? "mixed (half JSON, half MessagePack)")
            .Add("durationSeconds", options.DurationSeconds, "s")
            .Add("offeredCallsPerSecond", options.Viewers * options.Rate, "/s")
            .Add("engagementEventsPerSecond", engagement.Total / engagement.Seconds, "/s")
            .Add("engagementCallMedianMs", Percentiles.Median(engagement.Latencies), "ms")
            .Add("engagementCallP99Ms", Percentiles.Of(engagement.Latencies, 99), "ms")
            .Add("reactions", expectedReactions)
            .Add("productViews", expectedClicks)
            .Add("comments", expectedComments)
            .Add("failedCalls", engagement.Failed)
            .Add("joinEventsAndImpressions", joins + (joins * Products))
            .Add("storedEvents", stored)
            .Add("lostEvents", Math.Max(0, expected - stored))
            .Add("storeCaughtUpAfterMs", settledMs, "ms")
            .Add("emptyCallsPerSecond", ping.Total / ping.Seconds, "/s")
            .Add("emptyCallMedianMs", Percentiles.Median(ping.Latencies), "ms")
            .Add("emptyCallP99Ms", Percentiles.Of(ping.Latencies, 99), "ms")
            .Add("rateRatioEngagementToEmpty", engagement.Total / engagement.Seconds / (ping.Total / ping.Seconds), "x")
            .Add("medianLatencyRatioEngagementToEmpty", Percentiles.Median(engagement.Latencies) / Percentiles.Median(ping.Latencies), "x");
    }

    private static async Task<PhaseResult> DriveAsync(
        IReadOnlyList<LiveViewerClient> viewers, TimeSpan duration, double rate, Func<LiveViewerClient, int, int, Task<string>> act)
    {
        var succeeded = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        long failed = 0;
        var interval = TimeSpan.FromSeconds(1 / rate);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(viewers.Select(async (viewer, index) =>
        {
            // Spread the viewers' calls over the interval so the load is even.
            var offset = interval * index / Math.Max(1, viewers.Count);
            var local = new List<double>();
            for (var n = 0; ; n++)
            {
                var due = offset + (interval * n);
                if (due >= duration)
                {
                    break;
                }

                if (clock.Elapsed < due)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    var method = await act(viewer, index, n);
                    local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    succeeded.AddOrUpdate(method, 1, (_, c) => c + 1);
                }
                catch (Exception error) when (error is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }

            foreach (var latency in local)
            {
                latencies.Add(latency);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return new PhaseResult(new Dictionary<string, long>(succeeded), succeeded.Values.Sum(), failed, [.. latencies], seconds);
    }

    private sealed record PhaseResult(IReadOnlyDictionary<string, long> Succeeded, long Total, long Failed, List<double> Latencies, double Seconds);
}
