using LiveCommerce.Simulator.Baseline;
using LiveCommerce.Simulator.Reporting;
using LiveCommerce.Simulator.Scenarios;
using LiveCommerce.Simulator.Setup;

namespace LiveCommerce.Simulator;

/// <summary>The simulator's command line: parses the arguments, runs one scenario, answers with the exit code.</summary>
public static class SimulatorCommand
{
    /// <summary>Exit code of a run that went through.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a benchmark whose check failed (events lost, wrong claim outcomes).</summary>
    public const int CheckFailed = 1;

    /// <summary>Exit code of wrong arguments or an unknown scenario.</summary>
    public const int Usage = 2;

    /// <summary>The scenarios <see cref="RunAsync"/> knows.</summary>
    public static IReadOnlySet<string> Scenarios { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "fanout", "rush", "engagement", "bench-fanout", "bench-memory", "bench-rush", "baseline",
    };

    /// <summary>
    /// Runs the command: <c>-h</c> / <c>--help</c> print the usage to <paramref name="output"/> and succeed; wrong
    /// arguments and unknown scenarios print it to <paramref name="errors"/> and exit with <see cref="Usage"/>.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var options = SimulatorOptions.Parse(args, errors);
        if (options is null)
        {
            await errors.WriteLineAsync(SimulatorOptions.Usage);
            return Usage;
        }

        if (options.ShowHelp)
        {
            await output.WriteLineAsync(SimulatorOptions.Usage);
            return Success;
        }

        if (!Scenarios.Contains(options.Scenario))
        {
            await errors.WriteLineAsync($"unknown scenario '{options.Scenario}'");
            await errors.WriteLineAsync(SimulatorOptions.Usage);
            return Usage;
        }

        var misuse = options.Scenario switch
        {
            "bench-memory" when options.Pids.Count == 0 => "bench-memory needs --pid (the server process to read VmRSS of)",
            "bench-rush" when options.AgainstBaseline => "bench-rush measures the engine only; its baseline is the engine's own Ping from the same clients",
            _ => null,
        };
        if (misuse is not null)
        {
            await errors.WriteLineAsync(misuse);
            return Usage;
        }

        if (options.Scenario == "baseline")
        {
            await BroadcastBaseline.RunAsync(options.Urls[0]);
            return Success;
        }

        using var http = new HttpClient { BaseAddress = options.Urls[0], Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new TokenSource(http, options.SigningKey);
        Summary summary = options.Scenario switch
        {
            "fanout" => await new PinFanoutScenario(options, http, tokens).RunAsync(),
            "rush" => await new FlashRushScenario(options, http, tokens).RunAsync(),
            "engagement" => await new EngagementScenario(options, http, tokens).RunAsync(),
            "bench-fanout" => await new BenchFanoutScenario(options, http, tokens).RunAsync(),
            "bench-memory" => await new BenchMemoryScenario(options, http, tokens).RunAsync(),
            _ => await new BenchRushScenario(options, http, tokens).RunAsync(),
        };
        summary.Print(options.Json, output);
        return summary.Passed ? Success : CheckFailed;
    }
}
