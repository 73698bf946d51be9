using System.Diagnostics;
using LiveCommerce.Simulator.Reporting;
using LiveCommerce.Simulator.Setup;
using LiveCommerce.Simulator.Swarm;

namespace LiveCommerce.Simulator.Scenarios;

/// <summary>
/// The fan-out path: the creator pins, every connected viewer receives <c>ProductPinned</c>. Measures the time
/// from sending the pin request to the last viewer's receipt, first with one viewer (the baseline, in the
/// same invocation) and then with all of them; and the round trip of an empty hub call.
/// </summary>
public sealed class PinFanoutScenario(SimulatorOptions options, HttpClient http, TokenSource tokens)
{
    private const int WarmupRuns = 2;

    /// <summary>Runs the scenario.</summary>
    public async Task<Summary> RunAsync()
    {
        var (stream, products, creator) = await DemoShop.OpenAsync(http, tokens, products: 2, stock: 100);
        var receipts = new long[options.Viewers];
        var pending = 0;
        var allReceived = new TaskCompletionSource();

        await using var swarm = new ViewerSwarm();
        Console.Error.Write("connecting viewers: ");
        await swarm.ConnectAsync(options, stream.Id, 1, _ => Task.FromResult<string?>(null), Wire, null);
        Console.Error.Write("1");

        var ping = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await swarm.Viewers[0].PingAsync();
            ping.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var baseline = await MeasureAsync(1);
        await swarm.ConnectAsync(options, stream.Id, options.Viewers - 1, _ => Task.FromResult<string?>(null), (i, c) => Wire(i + 1, c),
            connected => Console.Error.Write($"\rconnecting viewers: {connected}/{options.Viewers}   "));
        Console.Error.WriteLine();
        var full = await MeasureAsync(options.Viewers);

        var last = full.Select(r => r.Last).ToList();
        var baselineLast = baseline.Select(r => r.Last).ToList();
        return new Summary("fanout")
            .Add("viewers", options.Viewers)
            .Add("engines", options.Urls.Count)
            .Add("protocol", options.Protocol?.ToString() ?? "mixed (half JSON, half MessagePack)")
            .Add("runs", options.Runs)
            .Add("connectP50Ms", Percentiles.Median(swarm.ConnectMilliseconds), "ms")
            .Add("connectP99Ms", Percentiles.Of(swarm.ConnectMilliseconds, 99), "ms")
            .Add("emptyHubCallMedianMs", Percentiles.Median(ping), "ms")
            .Add("pinToLastViewerMedianMs", Percentiles.Median(last), "ms")
            .Add("pinToLastViewerMinMs", last.Min(), "ms")
            .Add("pinToLastViewerMaxMs", last.Max(), "ms")
            .Add("perViewerP50MedianMs", Percentiles.Median(full.Select(r => r.P50).ToList()), "ms")
            .Add("perViewerP99MedianMs", Percentiles.Median(full.Select(r => r.P99).ToList()), "ms")
            .Add("baselineOneViewerMedianMs", Percentiles.Median(baselineLast), "ms")
            .Add("ratioToOneViewer", Percentiles.Median(last) / Percentiles.Median(baselineLast), "x");

        void Wire(int index, LiveCommerce.Client.LiveViewerClient client) => client.ProductPinned += _ =>
        {
            receipts[index] = Stopwatch.GetTimestamp();
            if (Interlocked.Decrement(ref pending) == 0)
            {
                allReceived.TrySetResult();
            }
        };

        async Task<List<(double Last, double P50, double P99)>> MeasureAsync(int viewers)
        {
            var results = new List<(double, double, double)>();
            for (var run = 0; run < WarmupRuns + options.Runs; run++)
            {
                Array.Clear(receipts);
                allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref pending, viewers);
                var started = Stopwatch.GetTimestamp();
                await creator.PinAsync(stream.Id, products[run % products.Count].Id);
                await allReceived.Task.WaitAsync(TimeSpan.FromSeconds(60));
                var latencies = receipts.Take(viewers).Select(r => Stopwatch.GetElapsedTime(started, r).TotalMilliseconds).ToList();
                if (run >= WarmupRuns)
                {
                    results.Add((latencies.Max(), Percentiles.Median(latencies), Percentiles.Of(latencies, 99)));
                }

                await Task.Delay(200);
            }

            return results;
        }
    }
}
