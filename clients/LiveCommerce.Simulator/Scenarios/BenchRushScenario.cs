using System.Diagnostics;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Simulator.Reporting;
using LiveCommerce.Simulator.Setup;
using LiveCommerce.Simulator.Swarm;

namespace LiveCommerce.Simulator.Scenarios;

/// <summary>
/// A flash rush with bare-socket viewers: <c>--viewers</c> signed-in viewers each fire <c>--claims-per-viewer</c>
/// <c>ClaimOffer</c> calls at the same instant on an offer of <c>--units</c> units (one per viewer), and, before
/// it, the same clients fire the same number of empty hub calls (<c>Ping</c>) at once: claims per second against
/// empty calls per second, with latency percentiles. Checks that exactly <c>--units</c> claims were reserved and
/// none failed. A few extra viewers first claim a small warm-up offer, so the measured burst does not pay for code
/// run the first time. With <c>--pid</c>, also the server's CPU time in each burst.
/// </summary>
public sealed class BenchRushScenario(SimulatorOptions options, HttpClient http, TokenSource tokens)
{
    private const int WarmupViewers = 20;

    /// <summary>Runs the scenario.</summary>
    public async Task<Summary> RunAsync()
    {
        if (options.AgainstBaseline)
        {
            throw new InvalidOperationException("bench-rush measures the engine; its baseline is the engine's own Ping");
        }

        var viewers = options.Viewers;
        var (stream, products, creator) = await DemoShop.OpenAsync(http, tokens, products: 1, stock: options.Units + WarmupViewers);
        var product = products[0];
        var runId = Guid.NewGuid().ToString("N")[..6];
        var offersSeen = 0;
        var offerTarget = 0;
        var offerSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using var swarm = new RawSocketSwarm((_, kind, _, _) =>
        {
            if (kind == HubEventKind.OfferStarted && Interlocked.Increment(ref offersSeen) == Volatile.Read(ref offerTarget))
            {
                offerSeen.TrySetResult();
            }
        });
        await swarm.ConnectAsync(viewers + WarmupViewers, options.ConnectBatch, BenchTarget.Endpoints(options),
            async index => await tokens.ForAsync($"bench-viewer-{runId}-{index}", "viewer"), BenchTarget.Join(stream.Id),
            connected => Console.Error.Write($"\rconnecting viewers: {connected}/{viewers + WarmupViewers}   "));
        Console.Error.WriteLine();
        var measured = swarm.Viewers.Take(viewers).ToList();
        var warmup = swarm.Viewers.Skip(viewers).ToList();

        // Warm-up: one empty call per viewer, and a small offer the warm-up viewers claim once each.
        var ping = new InvocationTemplate(HubMethods.Ping);
        await BurstAsync(swarm.Viewers, 1, ping);
        var warmOffer = await StartOfferAsync(WarmupViewers);
        await BurstAsync(warmup, 1, new InvocationTemplate(HubMethods.ClaimOffer, stream.Id, warmOffer.Id));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Console.Error.WriteLine($"empty calls: {viewers} viewers x {options.ClaimsPerViewer} at once");
        var cpu = ProcessCpu.Milliseconds(options.Pids);
        var empty = await BurstAsync(measured, options.ClaimsPerViewer, ping);
        var emptyCpu = ProcessCpu.Milliseconds(options.Pids) - cpu;
        await Task.Delay(TimeSpan.FromSeconds(1));

        var offer = await StartOfferAsync(options.Units);
        Console.Error.WriteLine($"claims: {viewers} viewers x {options.ClaimsPerViewer} at once on {options.Units} units");
        cpu = ProcessCpu.Milliseconds(options.Pids);
        var claims = await BurstAsync(measured, options.ClaimsPerViewer, new InvocationTemplate(HubMethods.ClaimOffer, stream.Id, offer.Id));
        var claimsCpu = ProcessCpu.Milliseconds(options.Pids) - cpu;

        var outcomes = claims.Outcomes.Where(o => o.Succeeded).GroupBy(o => o.Status ?? "none").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var reserved = outcomes.GetValueOrDefault(ClaimStatus.Reserved);
        var errors = claims.Failures + claims.Outcomes.Count(o => !o.Succeeded);
        var summary = new Summary("bench-rush")
            .Add("target", options.Target)
            .Add("servers", options.Urls.Count)
            .Add("viewers", viewers)
            .Add("claimsPerViewer", options.ClaimsPerViewer)
            .Add("units", options.Units)
            .Add("claims", claims.Count)
            .Add("claimsPerSecond", claims.PerSecond, "/s")
            .Add("claimP50Ms", claims.Percentile(50), "ms")
            .Add("claimP99Ms", claims.Percentile(99), "ms")
            .Add("claimMaxMs", claims.Percentile(100), "ms")
            .Add("claimBurstMs", claims.Milliseconds, "ms")
            .Add("emptyCalls", empty.Count)
            .Add("emptyCallsPerSecond", empty.PerSecond, "/s")
            .Add("emptyCallP50Ms", empty.Percentile(50), "ms")
            .Add("emptyCallP99Ms", empty.Percentile(99), "ms")
            .Add("emptyBurstMs", empty.Milliseconds, "ms")
            .Add("claimRateToEmptyCallRate", claims.PerSecond / empty.PerSecond, "x");
        if (options.Pids.Count > 0)
        {
            summary.Add("serverCpuMsClaims", claimsCpu, "ms")
                .Add("serverCpuMsEmptyCalls", emptyCpu, "ms")
                .Add("serverCpuUsPerClaim", claimsCpu * 1000 / claims.Count, "µs")
                .Add("serverCpuUsPerEmptyCall", emptyCpu * 1000 / empty.Count, "µs");
        }

        foreach (var status in new[] { ClaimStatus.Reserved, ClaimStatus.SoldOut, ClaimStatus.LimitReached, ClaimStatus.Ended, ClaimStatus.NotFound }
            .Concat(outcomes.Keys).Distinct(StringComparer.Ordinal))
        {
            summary.Add("outcome." + status, outcomes.GetValueOrDefault(status));
        }

        foreach (var (error, count) in claims.Outcomes.Where(o => !o.Succeeded).GroupBy(o => o.Error!).Select(g => (g.Key, g.Count())).Take(3))
        {
            Console.Error.WriteLine($"claim error x{count}: {error}");
        }

        return summary
            .Add("errors", errors)
            .Add("emptyCallErrors", empty.Failures + empty.Outcomes.Count(o => !o.Succeeded))
            .Check("exactlyUnitsReserved", reserved == options.Units)
            .Check("noClaimErrors", errors == 0);

        async Task<Offer> StartOfferAsync(int units)
        {
            Volatile.Write(ref offersSeen, 0);
            Volatile.Write(ref offerTarget, swarm.Viewers.Count);
            offerSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var started = await creator.CreateOfferAsync(stream.Id, new CreateOfferRequest
            {
                ProductId = product.Id,
                Price = new Money(product.Price.Amount / 2, product.Price.Currency),
                Quantity = units,
                DurationSeconds = 600,
                PerViewerLimit = 1,
            });
            await offerSeen.Task.WaitAsync(TimeSpan.FromSeconds(options.TimeoutSeconds));
            return started;
        }
    }

    /// <summary>Fires <paramref name="perViewer"/> calls from every viewer in one go, then waits for every answer.</summary>
    private static async Task<Burst> BurstAsync(IReadOnlyList<RawViewer> viewers, int perViewer, InvocationTemplate call)
    {
        var calls = new List<Task<CallOutcome>>(viewers.Count * perViewer);
        var started = Stopwatch.GetTimestamp();
        foreach (var viewer in viewers)
        {
            for (var i = 0; i < perViewer; i++)
            {
                calls.Add(viewer.InvokeAsync(call));
            }
        }

        var outcomes = new List<CallOutcome>(calls.Count);
        var failures = 0;
        foreach (var answer in calls)
        {
            try
            {
                outcomes.Add(await answer);
            }
            catch (Exception error) when (error is System.Net.WebSockets.WebSocketException or InvalidOperationException or ObjectDisposedException)
            {
                failures++;
            }
        }

        var finished = outcomes.Count == 0 ? Stopwatch.GetTimestamp() : outcomes.Max(o => o.CompletedAt);
        return new Burst(outcomes, failures, started, finished);
    }

    private sealed record Burst(List<CallOutcome> Outcomes, int Failures, long Started, long Finished)
    {
        public int Count => Outcomes.Count + Failures;

        public double Milliseconds => Stopwatch.GetElapsedTime(Started, Finished).TotalMilliseconds;

        public double PerSecond => Outcomes.Count / Stopwatch.GetElapsedTime(Started, Finished).TotalSeconds;

        public double Percentile(double p) => Percentiles.Of(Outcomes.Select(o => o.Milliseconds).ToList(), p);
    }
}
