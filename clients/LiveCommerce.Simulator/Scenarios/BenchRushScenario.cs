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
/// A flash rush with bare-socket viewers, in <c>--runs</c> rounds. In each round the same <c>--viewers</c> signed-in
/// viewers first fire <c>--claims-per-viewer</c> empty hub calls (<c>Ping</c>) each at the same instant, then a new
/// offer of <c>--units</c> units (one per viewer) starts and they fire as many <c>ClaimOffer</c> calls each at once.
/// Reports claims per second against empty calls per second and their latency percentiles (medians over the
/// rounds), and checks that every round reserved exactly <c>--units</c> units without an error. One warm-up round
/// goes first and is not counted, so the measured rounds do not pay for code compiled on first use (the engine's
/// claim path is still being compiled to optimised code in the first thousands of calls). With <c>--pid</c>, also
/// the server's CPU time per call.
/// </summary>
public sealed class BenchRushScenario(SimulatorOptions options, HttpClient http, TokenSource tokens)
{
    private const int WarmupRounds = 1;

    /// <summary>Runs the scenario.</summary>
    public async Task<Summary> RunAsync()
    {
        if (options.AgainstBaseline)
        {
            throw new InvalidOperationException("bench-rush measures the engine; its baseline is the engine's own Ping");
        }

        var viewers = options.Viewers;
        var rounds = Math.Max(1, options.Runs);
        var (stream, products, creator) = await DemoShop.OpenAsync(http, tokens, products: 1, stock: options.Units * (rounds + WarmupRounds));
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
        await swarm.ConnectAsync(viewers, options.ConnectBatch, BenchTarget.Endpoints(options),
            async index => await tokens.ForAsync($"bench-viewer-{runId}-{index}", "viewer"), BenchTarget.Join(stream.Id),
            connected => Console.Error.Write($"\rconnecting viewers: {connected}/{viewers}   "));
        Console.Error.WriteLine();
        var measured = swarm.Viewers;
        var ping = new InvocationTemplate(HubMethods.Ping);

        var results = new List<Round>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var errorTexts = new Dictionary<string, int>(StringComparer.Ordinal);
        var everyRoundExact = true;
        Burst? coldClaims = null;
        Burst? coldEmpty = null;
        for (var round = 1 - WarmupRounds; round <= rounds; round++)
        {
            var cpu = ProcessCpu.Milliseconds(options.Pids);
            var empty = await BurstAsync(measured, options.ClaimsPerViewer, ping);
            var emptyCpu = ProcessCpu.Milliseconds(options.Pids) - cpu;
            await Task.Delay(TimeSpan.FromSeconds(1));

            var offer = await StartOfferAsync(options.Units);
            cpu = ProcessCpu.Milliseconds(options.Pids);
            var claims = await BurstAsync(measured, options.ClaimsPerViewer, new InvocationTemplate(HubMethods.ClaimOffer, stream.Id, offer.Id));
            var claimsCpu = ProcessCpu.Milliseconds(options.Pids) - cpu;

            var reserved = claims.Outcomes.Count(o => o.Succeeded && o.Status == ClaimStatus.Reserved);
            everyRoundExact &= reserved == options.Units;
            Console.Error.WriteLine(FormattableString.Invariant(
                $"{(round < 1 ? "warm-up round" : "round " + round)}: {claims.PerSecond:0} claims/s (p99 {claims.Percentile(99):0.#} ms, {reserved} reserved), {empty.PerSecond:0} Ping/s (p99 {empty.Percentile(99):0.#} ms)"));
            await Task.Delay(TimeSpan.FromSeconds(1));
            if (round < 1)
            {
                (coldClaims, coldEmpty) = (claims, empty);
                continue;
            }

            foreach (var outcome in claims.Outcomes)
            {
                if (outcome.Succeeded)
                {
                    var status = outcome.Status ?? "none";
                    outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
                }
                else
                {
                    errorTexts[outcome.Error!] = errorTexts.GetValueOrDefault(outcome.Error!) + 1;
                }
            }

            var result = new Round(claims, empty, claimsCpu, emptyCpu, claims.Failures + claims.Outcomes.Count(o => !o.Succeeded), empty.Failures + empty.Outcomes.Count(o => !o.Succeeded));
            results.Add(result);
        }

        var claimRates = results.Select(r => r.Claims.PerSecond).ToList();
        var emptyRates = results.Select(r => r.Empty.PerSecond).ToList();
        var errors = results.Sum(r => r.ClaimErrors);
        var summary = new Summary("bench-rush")
            .Add("target", options.Target)
            .Add("servers", options.Urls.Count)
            .Add("viewers", viewers)
            .Add("claimsPerViewer", options.ClaimsPerViewer)
            .Add("units", options.Units)
            .Add("rounds", rounds)
            .Add("claimsPerRound", viewers * options.ClaimsPerViewer)
            .Add("claimsPerSecond", Percentiles.Median(claimRates), "/s")
            .Add("claimsPerSecondMin", claimRates.Min(), "/s")
            .Add("claimsPerSecondMax", claimRates.Max(), "/s")
            .Add("claimP50Ms", Percentiles.Median(results.Select(r => r.Claims.Percentile(50)).ToList()), "ms")
            .Add("claimP99Ms", Percentiles.Median(results.Select(r => r.Claims.Percentile(99)).ToList()), "ms")
            .Add("claimP99MaxMs", results.Max(r => r.Claims.Percentile(99)), "ms")
            .Add("claimMaxMs", results.Max(r => r.Claims.Percentile(100)), "ms")
            .Add("emptyCallsPerSecond", Percentiles.Median(emptyRates), "/s")
            .Add("emptyCallsPerSecondMin", emptyRates.Min(), "/s")
            .Add("emptyCallsPerSecondMax", emptyRates.Max(), "/s")
            .Add("emptyCallP50Ms", Percentiles.Median(results.Select(r => r.Empty.Percentile(50)).ToList()), "ms")
            .Add("emptyCallP99Ms", Percentiles.Median(results.Select(r => r.Empty.Percentile(99)).ToList()), "ms")
            .Add("claimRateToEmptyCallRate", Percentiles.Median(claimRates) / Percentiles.Median(emptyRates), "x")
            .Add("warmupClaimsPerSecond", coldClaims?.PerSecond ?? double.NaN, "/s")
            .Add("warmupClaimP99Ms", coldClaims?.Percentile(99) ?? double.NaN, "ms")
            .Add("warmupEmptyCallsPerSecond", coldEmpty?.PerSecond ?? double.NaN, "/s")
            .Add("claimRateToEmptyCallRateRoundMedian", Percentiles.Median(results.Select(r => r.Claims.PerSecond / r.Empty.PerSecond).ToList()), "x");
        if (options.Pids.Count > 0)
        {
            var claimCalls = results.Sum(r => r.Claims.Count);
            var emptyCalls = results.Sum(r => r.Empty.Count);
            summary.Add("serverCpuUsPerClaim", results.Sum(r => r.ClaimsCpuMs) * 1000 / claimCalls, "µs")
                .Add("serverCpuUsPerEmptyCall", results.Sum(r => r.EmptyCpuMs) * 1000 / emptyCalls, "µs");
        }

        foreach (var status in new[] { ClaimStatus.Reserved, ClaimStatus.SoldOut, ClaimStatus.LimitReached, ClaimStatus.Ended, ClaimStatus.NotFound }
            .Concat(outcomes.Keys).Distinct(StringComparer.Ordinal))
        {
            summary.Add("outcome." + status, outcomes.GetValueOrDefault(status));
        }

        foreach (var (error, count) in errorTexts.OrderByDescending(e => e.Value).Take(3))
        {
            Console.Error.WriteLine($"claim error x{count}: {error}");
        }

        return summary
            .Add("errors", errors)
            .Add("emptyCallErrors", results.Sum(r => r.EmptyErrors))
            .Check("exactlyUnitsReservedEveryRound", everyRoundExact)
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
            await Task.Delay(TimeSpan.FromMilliseconds(500));
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

        public double PerSecond => Outcomes.Count / Stopwatch.GetElapsedTime(Started, Finished).TotalSeconds;

        public double Percentile(double p) => Percentiles.Of(Outcomes.Select(o => o.Milliseconds).ToList(), p);
    }

    private sealed record Round(Burst Claims, Burst Empty, double ClaimsCpuMs, double EmptyCpuMs, int ClaimErrors, int EmptyErrors);
}
