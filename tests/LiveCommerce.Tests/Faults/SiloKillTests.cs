using LiveCommerce.Client;
using LiveCommerce.Testing;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.Faults;

/// <summary>
/// Two engine processes on Redis; a claim-and-checkout rush with retries on both; one process is killed with
/// SIGKILL at a seeded moment of the rush and started again on the same ports; then contract v2's invariants are
/// checked over HTTP.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class SiloKillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HoldPeriod = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Units_are_conserved_and_no_confirmed_order_is_lost_when_a_silo_is_killed_mid_rush()
    {
        var violations = new List<string>();
        for (var round = 0; round < FaultRun.Rounds; round++)
        {
            violations.AddRange(await RunAsync(FaultRun.Seed(5201, round)));
        }

        Assert.True(violations.Count == 0, $"{violations.Count} violations:\n" + string.Join("\n", violations));
    }

    private async Task<IReadOnlyList<string>> RunAsync(int seed)
    {
        var random = new Random(seed);
        var clusterId = $"kill-{seed}-{Guid.NewGuid():N}"[..20];
        await using var a = new SiloProcess(RedisServer.ConnectionString, clusterId, "a");
        await using var b = new SiloProcess(RedisServer.ConnectionString, clusterId, "b");
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var httpA = a.NewHttp();
        using var httpB = b.NewHttp();
        LiveApiClient ApiA(string sub, string[] roles) => SiloProcess.Api(httpA, sub, roles);

        var ledger = new CommerceLedger();
        var (stream, products, creatorId) = await FaultShop.OpenAsync(ApiA, ledger, 40, 20, 6);
        var buyers = new List<FaultBuyer>();
        for (var i = 0; i < 10; i++)
        {
            buyers.Add(await FaultBuyer.ConnectAsync(i % 2 == 0 ? a.BaseAddress : b.BaseAddress, $"sk-{seed}-{i}-{Guid.NewGuid():N}"[..20], stream.Id, ledger, seed * 31 + i,
                i % 3 == 0 ? HubProtocol.MessagePack : HubProtocol.Json));
        }

        var creator = ApiA(creatorId, ["creator", "seller"]);
        var creatorOnB = SiloProcess.Api(httpB, creatorId, "creator", "seller");
        var rush = new ShoppingRush(ledger, stream.Id, products, () => a.IsReady ? creator : creatorOnB, seed)
        {
            ReconnectWait = TimeSpan.FromSeconds(45),
            CheckoutAttempts = 4,
        };
        var victim = random.Next(2) == 0 ? b : a;
        var killAt = TimeSpan.FromMilliseconds(random.Next(300, 1500));
        Say($"silo kill, seed {seed}: SIGKILL silo {victim.Name} {killAt.TotalMilliseconds:F0} ms into the rush, then start it again on the same ports");
        try
        {
            foreach (var product in products)
            {
                await rush.StartOfferAsync(product, quantity: Math.Max(1, product.Stock / 2), seconds: 30);
            }

            var running = rush.RunAsync(buyers, steps: 40);
            var killer = Task.Run(async () =>
            {
                await Task.Delay(killAt);
                await victim.KillAsync();
                Say($"killed {victim.Name} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
                await victim.StartAsync(TimeSpan.FromSeconds(90));
                Say($"{victim.Name} ready again at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
            });
            await Task.WhenAll(running, killer);

            await a.WaitReadyAsync(TimeSpan.FromSeconds(30));
            await b.WaitReadyAsync(TimeSpan.FromSeconds(30));
            await rush.CancelAllAsync();
            await ledger.SettleAsync(creator, HoldPeriod, TimeSpan.FromSeconds(30));
            var violations = await ledger.CheckAsync(ApiA, TimeSpan.FromSeconds(10));
            Say($"first check: {ledger.FirstCheck.Count} violations; 10 s later: {violations.Count}");
            Say(ledger.Summary());
            Say($"{rush.Offers.Count} offers; {violations.Count} violations");
            foreach (var violation in violations)
            {
                Say("  " + violation);
            }

            if (violations.Count > 0)
            {
                Say($"logs: {a.LogPath}, {b.LogPath}");
            }

            return violations.Select(v => $"[silo kill, seed {seed}] {v}").ToList();
        }
        finally
        {
            await Task.WhenAll(buyers.Select(x => x.DisposeAsync().AsTask()));
        }
    }

    private void Say(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[faults] " + line);
    }
}
