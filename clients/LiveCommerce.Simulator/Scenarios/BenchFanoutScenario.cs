using System.Diagnostics;
using LiveCommerce.Simulator.Reporting;
using LiveCommerce.Simulator.Setup;
using LiveCommerce.Simulator.Swarm;

namespace LiveCommerce.Simulator.Scenarios;

/// <summary>
/// Fan-out with bare-socket viewers. Against the engine, anonymous viewers join a live stream and the creator pins
/// over HTTP; against the baseline, the viewers hold raw sockets and a <c>POST /broadcast</c> sends a record of the
/// same shape. For each run: every viewer's time from sending the trigger to reading <c>ProductPinned</c>, its p50 and
/// p99, the last viewer, the burst rate (viewers reached ÷ time from the trigger to the last delivery) and how many
/// viewers were reached. Two warm-up runs, then <c>--runs</c> measured; the figures are medians over the runs. With
/// <c>--pid</c>, also the server's CPU time from each trigger to its last delivery, summed over the runs and per delivery.
/// </summary>
public sealed class BenchFanoutScenario(SimulatorOptions options, HttpClient http, TokenSource tokens)
{
    private const int WarmupRuns = 2;

    /// <summary>Runs the scenario.</summary>
    public async Task<Summary> RunAsync()
    {
        var viewers = options.Viewers;
        var receipts = new long[viewers];
        var frameBytes = 0;
        var waiting = 0;
        var everyone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using var swarm = new RawSocketSwarm((viewer, kind, bytes, at) =>
        {
            if (kind != HubEventKind.ProductPinned || viewer.Index >= viewers || Interlocked.CompareExchange(ref receipts[viewer.Index], at, 0) != 0)
            {
                return;
            }

            frameBytes = bytes;
            if (Interlocked.Decrement(ref waiting) == 0)
            {
                everyone.TrySetResult();
            }
        });

        Func<int, Task> trigger;
        Func<RawViewer, Task>? join = null;
        if (options.AgainstBaseline)
        {
            var frame = BenchTarget.ProductPinnedFrame();
            trigger = async _ =>
            {
                using var body = new ByteArrayContent(frame);
                using var answer = await http.PostAsync(new Uri("/broadcast", UriKind.Relative), body);
                answer.EnsureSuccessStatusCode();
            };
        }
        else
        {
            var (stream, products, creator) = await DemoShop.OpenAsync(http, tokens, products: 2, stock: 100);
            join = BenchTarget.Join(stream.Id);
            trigger = run => creator.PinAsync(stream.Id, products[run % products.Count].Id);
        }

        await swarm.ConnectAsync(viewers, options.ConnectBatch, BenchTarget.Endpoints(options), _ => Task.FromResult<string?>(null), join,
            connected => Console.Error.Write($"\rconnecting viewers: {connected}/{viewers}   "));
        Console.Error.WriteLine();
        await Task.Delay(TimeSpan.FromSeconds(2));

        var runs = new List<Run>();
        for (var run = 0; run < WarmupRuns + options.Runs; run++)
        {
            Array.Clear(receipts);
            everyone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref waiting, viewers);
            swarm.KeepAlivePaused = true;
            var serverCpu = ProcessCpu.Milliseconds(options.Pids);
            var clientCpu = ProcessCpu.OwnMilliseconds();
            var sentAt = Stopwatch.GetTimestamp();
            await trigger(run);
            await Task.WhenAny(everyone.Task, Task.Delay(TimeSpan.FromSeconds(options.TimeoutSeconds)));
            var measured = Measure(receipts, sentAt) with
            {
                ServerCpuMs = ProcessCpu.Milliseconds(options.Pids) - serverCpu,
                ClientCpuMs = ProcessCpu.OwnMilliseconds() - clientCpu,
            };
            swarm.KeepAlivePaused = false;
            Console.Error.WriteLine(FormattableString.Invariant(
                $"{(run < WarmupRuns ? "warm-up" : "run")} {run + 1}: {measured.Delivered}/{viewers} delivered, p50 {measured.P50:0.#} ms, p99 {measured.P99:0.#} ms, last {measured.Last:0.#} ms"));
            if (run >= WarmupRuns)
            {
                runs.Add(measured);
            }

            await Task.Delay(500);
        }

        var delivered = runs.Sum(r => r.Delivered);
        var expected = (long)viewers * runs.Count;
        var last = runs.Select(r => r.Last).ToList();
        var summary = new Summary("bench-fanout")
            .Add("target", options.Target)
            .Add("servers", options.Urls.Count)
            .Add("viewers", viewers)
            .Add("runs", runs.Count)
            .Add("frameBytes", frameBytes, "B")
            .Add("connectP50Ms", Percentiles.Median(swarm.ConnectMilliseconds), "ms")
            .Add("connectP99Ms", Percentiles.Of(swarm.ConnectMilliseconds, 99), "ms")
            .Add("p50Ms", Percentiles.Median(runs.Select(r => r.P50).ToList()), "ms")
            .Add("p99Ms", Percentiles.Median(runs.Select(r => r.P99).ToList()), "ms")
            .Add("lastMs", Percentiles.Median(last), "ms")
            .Add("lastMinMs", last.Min(), "ms")
            .Add("lastMaxMs", last.Max(), "ms")
            .Add("firstMs", Percentiles.Median(runs.Select(r => r.First).ToList()), "ms")
            .Add("deliveriesPerSecond", Percentiles.Median(runs.Select(r => r.PerSecond).ToList()), "/s")
            .Add("delivered", delivered)
            .Add("expected", expected)
            .Add("clientCpuUsPerDelivery", runs.Sum(r => r.ClientCpuMs) * 1000 / Math.Max(1, delivered), "µs");
        if (options.Pids.Count > 0)
        {
            // Summed over the runs: the kernel counts CPU time in 10 ms ticks, too coarse for one run of 1,000 viewers.
            summary.Add("serverCpuMs", runs.Sum(r => r.ServerCpuMs), "ms")
                .Add("serverCpuUsPerDelivery", runs.Sum(r => r.ServerCpuMs) * 1000 / Math.Max(1, delivered), "µs");
        }

        return summary.Check("everyEventDelivered", delivered == expected);
    }

    private static Run Measure(long[] receipts, long sentAt)
    {
        var latencies = new List<double>(receipts.Length);
        long lastAt = 0;
        foreach (var at in receipts)
        {
            if (at != 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds);
                lastAt = Math.Max(lastAt, at);
            }
        }

        if (latencies.Count == 0)
        {
            return new Run(0, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        var span = Stopwatch.GetElapsedTime(sentAt, lastAt).TotalSeconds;
        return new Run(latencies.Count, latencies.Min(), Percentiles.Median(latencies), Percentiles.Of(latencies, 99), latencies.Max(), latencies.Count / span);
    }

    private readonly record struct Run(int Delivered, double First, double P50, double P99, double Last, double PerSecond)
    {
        public double ServerCpuMs { get; init; }

        public double ClientCpuMs { get; init; }
    }
}
