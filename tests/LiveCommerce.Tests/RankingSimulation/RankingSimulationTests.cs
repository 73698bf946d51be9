using LiveCommerce.Testing;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>
/// The seeded online simulation of the product ranker (docs/ranker.md, "Simulation"), run through the real engine
/// in the embedded default and in cluster mode against a real redis-server. It prints the report and then asserts
/// the targets of <see cref="SimulationTargets"/>; every missed target is listed together.
/// <c>LIVECOMMERCE_RANKSIM_VIEWERS</c>, <c>_ROUNDS</c>, <c>_SEED</c> and <c>_EXPONENT</c> change the size and the
/// seed, and <c>LIVECOMMERCE_RANKSIM_REPORT</c> names a file to write the report to as well.
/// </summary>
public sealed class RankingSimulationTests(ITestOutputHelper output)
{
    /// <summary>The environment variable naming a file the report is also written to.</summary>
    public const string ReportVariable = "LIVECOMMERCE_RANKSIM_REPORT";

    [Fact]
    public async Task Ranked_lists_beat_random_and_creator_order_suggestions_find_the_best_and_both_modes_agree()
    {
        var options = SimulationOptions.FromEnvironment();
        var world = SimWorld.Create(options.Seed, options.Viewers);
        var clicks = new ClickModel(world, options.ExaminationExponent);
        var simulation = new EngineSimulation(world, clicks, options);
        var metrics = new SimulationMetrics(world, clicks, options);
        var settings = new Dictionary<string, string?>(options.EngineSettings);

        var runs = new List<ModeMetrics>();
        await using (var embedded = new EngineHost(settings: settings))
        {
            runs.Add(metrics.Measure(await simulation.RunAsync(embedded, "embedded")));
        }

        await using (var redis = new EngineHost(RedisServer.ConnectionString, settings: settings))
        {
            runs.Add(metrics.Measure(await simulation.RunAsync(redis, "redis")));
        }

        var checks = SimulationTargets.Check(runs);
        var report = SimulationReport.Format(options, world, clicks, runs, checks);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, report);
        }

        var missed = checks.Where(c => c.Gates && !c.Met).Select(c => $"{c.Target}: {c.Measured}").ToList();
        Assert.True(missed.Count == 0, "missed gates:\n" + string.Join('\n', missed));
    }
}
