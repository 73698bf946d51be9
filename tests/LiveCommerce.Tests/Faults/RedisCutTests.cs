using LiveCommerce.Client;
using LiveCommerce.Testing;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.Faults;

/// <summary>
/// Two engine processes that reach Redis through a TCP proxy; during a claim-and-checkout rush with retries every
/// Redis connection is cut and new ones refused for a while, then all Redis traffic stalls for a while (held bytes
/// land late), each time restored; after the rush one process is killed with SIGKILL and started again (orders
/// confirmed on a retry after the cut must survive it); then contract v2's invariants are checked over HTTP.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class RedisCutTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HoldPeriod = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Units_are_conserved_and_no_confirmed_order_is_lost_when_redis_is_cut_and_stalled_mid_rush()
    {
        var violations = new List<string>();
        for (var round = 0; round < FaultRun.Rounds; round++)
        {
            violations.AddRange(await RunAsync(FaultRun.Seed(6301, round)));
        }

        Assert.True(violations.Count == 0, $"{violations.Count} violations:\n" + string.Join("\n", violations));
    }

    private async Task<IReadOnlyList<string>> RunAsync(int seed)
    {
        var random = new Random(seed);
        var clusterId = $"cut-{seed}-{Guid.NewGuid():N}"[..20];
        await using var proxy = TcpProxy.ForRedis(RedisServer.ConnectionString);
        await using var a = new SiloProcess(proxy.Endpoint, clusterId, "a");
        await using var b = new SiloProcess(proxy.Endpoint, clusterId, "b");
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var httpA = a.NewHttp();
        using var httpB = b.NewHttp();
        LiveApiClient ApiA(string sub, string[] roles) => SiloProcess.Api(httpA, sub, roles);

        var ledger = new CommerceLedger();
        var (stream, products, creatorId) = await FaultShop.OpenAsync(ApiA, ledger, 40, 20, 6);
        var buyers = new List<FaultBuyer>();
        for (var i = 0; i < 10; i++)
        {
            buyers.Add(await FaultBuyer.ConnectAsync(i % 2 == 0 ? a.BaseAddress : b.BaseAddress, $"rc-{seed}-{i}-{Guid.NewGuid():N}"[..20], stream.Id, ledger, seed * 31 + i,
                i % 3 == 0 ? HubProtocol.MessagePack : HubProtocol.Json));
        }

        var creator = ApiA(creatorId, ["creator", "seller"]);
        var creatorOnB = SiloProcess.Api(httpB, creatorId, "creator", "seller");
        var rush = new ShoppingRush(ledger, stream.Id, products, () => a.IsReady ? creator : creatorOnB, seed)
        {
            ReconnectWait = TimeSpan.FromSeconds(45),
            CheckoutAttempts = 4,
        };
        var cutAt = TimeSpan.FromMilliseconds(random.Next(300, 1500));
        // Longer than StackExchange.Redis' 5 s command timeout, so queued commands fail rather than only wait.
        var cutFor = TimeSpan.FromMilliseconds(random.Next(5500, 7500));
        var stallAfter = TimeSpan.FromMilliseconds(random.Next(500, 1500));
        var stallFor = TimeSpan.FromMilliseconds(random.Next(5500, 7500));
        var victim = random.Next(2) == 0 ? a : b;
        Say($"redis cut, seed {seed}: cut every Redis connection and refuse new ones {cutAt.TotalMilliseconds:F0} ms into the rush for {cutFor.TotalMilliseconds:F0} ms; "
            + $"{stallAfter.TotalMilliseconds:F0} ms later stall all Redis traffic for {stallFor.TotalMilliseconds:F0} ms; after the rush SIGKILL silo {victim.Name} and start it again");
        try
        {
            foreach (var product in products)
            {
                await rush.StartOfferAsync(product, quantity: Math.Max(1, product.Stock / 2), seconds: 30);
            }

            var running = rush.RunAsync(buyers, steps: 40);
            var outages = Task.Run(async () =>
            {
                await Task.Delay(cutAt);
                proxy.Cut(ProxyMode.Refuse);
                Say($"redis cut at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
                await Task.Delay(cutFor);
                proxy.Restore();
                Say($"redis restored at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
                await Task.Delay(stallAfter);
                proxy.Stall();
                Say($"redis stalled at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
                await Task.Delay(stallFor);
                proxy.Restore();
                Say($"redis flowing again at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
            });
            await Task.WhenAll(running, outages);
            await a.WaitReadyAsync(TimeSpan.FromSeconds(60));
            await b.WaitReadyAsync(TimeSpan.FromSeconds(60));

            // The next SIGKILL: what was confirmed must still be there afterwards.
            await victim.RestartAsync(TimeSpan.FromSeconds(90));
            Say($"{victim.Name} killed and ready again at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
            await a.WaitReadyAsync(TimeSpan.FromSeconds(30));
            await b.WaitReadyAsync(TimeSpan.FromSeconds(30));

            await rush.CancelAllAsync();
            await ledger.SettleAsync(creator, HoldPeriod, TimeSpan.FromSeconds(30));
            var violations = await ledger.CheckAsync(ApiA, TimeSpan.FromSeconds(10));
            Say($"first check: {ledger.FirstCheck.Count} violations; 10 s later: {violations.Count}");
            Say(ledger.Summary());
            Say($"{rush.Offers.Count} offers; {proxy.Accepted} Redis connections through the proxy; {violations.Count} violations");
            foreach (var violation in violations)
            {
                Say("  " + violation);
            }

            if (violations.Count > 0)
            {
                Say($"logs: {a.LogPath}, {b.LogPath}");
            }

            return violations.Select(v => $"[redis cut, seed {seed}] {v}").ToList();
        }
        finally
        {
            proxy.Restore();
            await Task.WhenAll(buyers.Select(x => x.DisposeAsync().AsTask()));
        }
    }

    private void Say(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[faults] " + line);
    }
}
