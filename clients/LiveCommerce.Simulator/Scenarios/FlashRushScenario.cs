using System.Diagnostics;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Simulator.Reporting;
using LiveCommerce.Simulator.Setup;
using LiveCommerce.Simulator.Swarm;

namespace LiveCommerce.Simulator.Scenarios;

/// <summary>
/// A flash-offer rush: signed-in viewers each fire <see cref="SimulatorOptions.ClaimsPerViewer"/> claims at
/// once. Reports claims per second, claim latency percentiles and the outcomes, and, with the same clients in
/// the same run, the rate of the same number of empty hub calls as a baseline.
/// </summary>
public sealed class FlashRushScenario(SimulatorOptions options, HttpClient http, TokenSource tokens)
{
    /// <summary>Runs the scenario.</summary>
    public async Task<Summary> RunAsync()
    {
        var (stream, products, creator) = await DemoShop.OpenAsync(http, tokens, products: 1, stock: Math.Max(options.Units, 1));
        var product = products[0];
        var runId = Guid.NewGuid().ToString("N")[..6];
        var offerSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pinSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = 0;
        var pinsSeen = 0;
        var deliveries = new List<double>();
        var pinDeliveries = new List<double>();
        long offerSentAt = 0;
        long pinSentAt = 0;

        await using var swarm = new ViewerSwarm();
        await swarm.ConnectAsync(
            options,
            stream.Id,
            options.Viewers,
            async index => await tokens.ForAsync($"sim-viewer-{runId}-{index}", "viewer"),
            (_, client) =>
            {
                client.ProductPinned += _ =>
                {
                    var at = Stopwatch.GetElapsedTime(Interlocked.Read(ref pinSentAt)).TotalMilliseconds;
                    lock (pinDeliveries)
                    {
                        pinDeliveries.Add(at);
                    }

                    if (Interlocked.Increment(ref pinsSeen) == options.Viewers)
                    {
                        pinSeen.TrySetResult();
                    }
                };
                client.OfferStarted += _ => OfferSeen();
            },
            connected => Console.Error.Write($"\rconnecting viewers: {connected}/{options.Viewers}   "));
        Console.Error.WriteLine();

        void OfferSeen()
        {
            var at = Stopwatch.GetElapsedTime(Interlocked.Read(ref offerSentAt)).TotalMilliseconds;
            lock (deliveries)
            {
                deliveries.Add(at);
            }

            if (Interlocked.Increment(ref seen) == options.Viewers)
            {
                offerSeen.TrySetResult();
            }
        }

        Interlocked.Exchange(ref pinSentAt, Stopwatch.GetTimestamp());
        await creator.PinAsync(stream.Id, product.Id);
        await pinSeen.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var calls = options.Viewers * options.ClaimsPerViewer;
        var ping = await BurstAsync(swarm, (client, _) => client.PingAsync());

        Interlocked.Exchange(ref offerSentAt, Stopwatch.GetTimestamp());
        var offer = await creator.CreateOfferAsync(stream.Id, new CreateOfferRequest
        {
            ProductId = product.Id,
            Price = new Money(product.Price.Amount / 2, product.Price.Currency),
            Quantity = options.Units,
            DurationSeconds = 600,
            PerViewerLimit = 1,
        });
        await offerSeen.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var claims = await BurstAsync(swarm, async (client, _) =>
        {
            var result = await client.ClaimOfferAsync(stream.Id, offer.Id);
            lock (outcomes)
            {
                outcomes[result.Status] = outcomes.GetValueOrDefault(result.Status) + 1;
            }
        });

        var summary = new Summary("rush")
            .Add("viewers", options.Viewers)
            .Add("engines", options.Urls.Count)
            .Add("protocol", options.Protocol?.ToString() ?? "mixed (half JSON, half MessagePack)")
            .Add("units", options.Units)
            .Add("claims", calls)
            .Add("connectP50Ms", Percentiles.Median(swarm.ConnectMilliseconds), "ms")
            .Add("connectP99Ms", Percentiles.Of(swarm.ConnectMilliseconds, 99), "ms")
            .Add("pinDeliveryP50Ms", Percentiles.Median(pinDeliveries), "ms")
            .Add("pinDeliveryP99Ms", Percentiles.Of(pinDeliveries, 99), "ms")
            .Add("pinDeliveryMaxMs", pinDeliveries.Max(), "ms")
            .Add("offerDeliveryP50Ms", Percentiles.Median(deliveries), "ms")
            .Add("offerDeliveryP99Ms", Percentiles.Of(deliveries, 99), "ms")
            .Add("offerDeliveryMaxMs", deliveries.Max(), "ms")
            .Add("claimsPerSecond", claims.PerSecond, "/s")
            .Add("claimP50Ms", Percentiles.Median(claims.Latencies), "ms")
            .Add("claimP99Ms", Percentiles.Of(claims.Latencies, 99), "ms")
            .Add("claimMaxMs", claims.Latencies.Max(), "ms")
            .Add("claimErrors", claims.Errors)
            .Add("emptyCallsPerSecond", ping.PerSecond, "/s")
            .Add("emptyCallP99Ms", Percentiles.Of(ping.Latencies, 99), "ms")
            .Add("claimRateToEmptyCallRate", claims.PerSecond / ping.PerSecond, "x");
        foreach (var (status, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            summary.Add("outcome." + status, count);
        }

        summary.Add("claimsWon", outcomes.GetValueOrDefault(ClaimStatus.Reserved));
        return summary;
    }

    private async Task<(double PerSecond, List<double> Latencies, int Errors)> BurstAsync(
        ViewerSwarm swarm, Func<LiveCommerce.Client.LiveViewerClient, int, Task> call)
    {
        var latencies = new List<double>(swarm.Viewers.Count * options.ClaimsPerViewer);
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(swarm.Viewers.SelectMany(v => Enumerable.Range(0, options.ClaimsPerViewer).Select(async i =>
        {
            var at = Stopwatch.GetTimestamp();
            try
            {
                await call(v, i);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref errors);
            }

            var ms = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
            lock (latencies)
            {
                latencies.Add(ms);
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (latencies.Count / seconds, latencies, errors);
    }
}
