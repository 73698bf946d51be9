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
    [Fact]
    public Task Units_are_conserved_and_no_confirmed_order_is_lost_when_a_silo_is_killed_mid_rush() => FaultRun.AllRoundsAsync(5201, RunAsync);

    private async Task<IReadOnlyList<string>> RunAsync(int seed)
    {
        var random = new Random(seed);
        var clusterId = $"kill-{seed}-{Guid.NewGuid():N}"[..20];
        await using var run = await ProcessClusterRun.StartAsync(RedisServer.ConnectionString, clusterId, "sk", seed);
        var (a, b) = (run.A, run.B);
        var victim = random.Next(2) == 0 ? b : a;
        var killAt = TimeSpan.FromMilliseconds(random.Next(300, 1500));
        Say($"silo kill, seed {seed}: SIGKILL silo {victim.Name} {killAt.TotalMilliseconds:F0} ms into the rush, then start it again on the same ports");
        await run.StartOffersAsync();
        var running = run.Rush.RunAsync(run.Buyers, steps: 40);
        var killer = Task.Run(async () =>
        {
            await Task.Delay(killAt);
            await victim.KillAsync();
            Say($"killed {victim.Name} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
            await victim.StartAsync(TimeSpan.FromSeconds(90));
            Say($"{victim.Name} ready again at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
        });
        await Task.WhenAll(running, killer);

        await run.WaitReadyAsync(TimeSpan.FromSeconds(30));
        var violations = await run.SettleAndCheckAsync(Say);
        return violations.Select(v => $"[silo kill, seed {seed}] {v}").ToList();
    }

    private void Say(string line) => FaultRun.Say(output, line);
}
