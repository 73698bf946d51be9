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
    [Fact]
    public Task Units_are_conserved_and_no_confirmed_order_is_lost_when_redis_is_cut_and_stalled_mid_rush() => FaultRun.AllRoundsAsync(6301, RunAsync);

    private async Task<IReadOnlyList<string>> RunAsync(int seed)
    {
        var random = new Random(seed);
        var clusterId = $"cut-{seed}-{Guid.NewGuid():N}"[..20];
        await using var proxy = TcpProxy.ForRedis(RedisServer.ConnectionString);
        await using var run = await ProcessClusterRun.StartAsync(proxy.Endpoint, clusterId, "rc", seed);
        var cutAt = TimeSpan.FromMilliseconds(random.Next(300, 1500));
        // Longer than StackExchange.Redis' 5 s command timeout, so queued commands fail rather than only wait.
        var cutFor = TimeSpan.FromMilliseconds(random.Next(5500, 7500));
        var stallAfter = TimeSpan.FromMilliseconds(random.Next(500, 1500));
        var stallFor = TimeSpan.FromMilliseconds(random.Next(5500, 7500));
        var victim = random.Next(2) == 0 ? run.A : run.B;
        Say($"redis cut, seed {seed}: cut every Redis connection and refuse new ones {cutAt.TotalMilliseconds:F0} ms into the rush for {cutFor.TotalMilliseconds:F0} ms; "
            + $"{stallAfter.TotalMilliseconds:F0} ms later stall all Redis traffic for {stallFor.TotalMilliseconds:F0} ms; after the rush SIGKILL silo {victim.Name} and start it again");
        try
        {
            await run.StartOffersAsync();
            var running = run.Rush.RunAsync(run.Buyers, steps: 40);
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
            await run.WaitReadyAsync(TimeSpan.FromSeconds(60));

            // The next SIGKILL: what was confirmed must still be there afterwards.
            await victim.RestartAsync(TimeSpan.FromSeconds(90));
            Say($"{victim.Name} killed and ready again at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
            await run.WaitReadyAsync(TimeSpan.FromSeconds(30));

            var violations = await run.SettleAndCheckAsync(Say, () => $"{proxy.Accepted} Redis connections through the proxy");
            return violations.Select(v => $"[redis cut, seed {seed}] {v}").ToList();
        }
        finally
        {
            proxy.Restore();
        }
    }

    private void Say(string line) => FaultRun.Say(output, line);
}
