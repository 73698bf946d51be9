using System.Globalization;

namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>
/// The size and the behaviour of one ranking simulation. CI runs the defaults (60 viewers × 10 rounds, the full size); the
/// environment variables <c>LIVECOMMERCE_RANKSIM_VIEWERS</c>, <c>_ROUNDS</c>, <c>_SEED</c> and <c>_EXPONENT</c>
/// change them (<c>scripts/ranking-sim.sh</c> runs 60 × 10).
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>The environment variable with the number of viewers.</summary>
    public const string ViewersVariable = "LIVECOMMERCE_RANKSIM_VIEWERS";

    /// <summary>The environment variable with the number of rounds.</summary>
    public const string RoundsVariable = "LIVECOMMERCE_RANKSIM_ROUNDS";

    /// <summary>The environment variable with the seed.</summary>
    public const string SeedVariable = "LIVECOMMERCE_RANKSIM_SEED";

    /// <summary>The environment variable with the examination exponent.</summary>
    public const string ExponentVariable = "LIVECOMMERCE_RANKSIM_EXPONENT";

    /// <summary>The seed CI uses.</summary>
    public const int DefaultSeed = 20260117;

    /// <summary>Signed-in viewers, each of whom joins once per round.</summary>
    public int Viewers { get; init; } = 60;

    /// <summary>Rounds; the first half of them is the warm-up the "after warm-up" figures leave out.</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>The seed of the world and of every viewer's clicks.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Position k (1-based) is examined with probability (1/k)^exponent.</summary>
    public double ExaminationExponent { get; init; } = 0.8;

    /// <summary>The share of round ends where the viewer drops the connection instead of calling <c>LeaveStream</c>.</summary>
    public double DisconnectShare { get; init; } = 0.2;

    /// <summary>
    /// How long to wait after a round's engagement is counted before the next round starts, so the engine can
    /// fold it into its model and its candidates (the host syncs its model every 500 ms; candidates are cached 1 s).
    /// </summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>How long to wait, at most, for a round's clicks and carts to show in the stream's analytics.</summary>
    public TimeSpan CountTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The settings the simulated engine runs with: a short model sync, as the simulation waits for it every round.</summary>
    public IReadOnlyDictionary<string, string?> EngineSettings { get; init; } = new Dictionary<string, string?>
    {
        ["Ranking:SyncInterval"] = "00:00:00.500",
        ["Logging:LogLevel:Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher"] = "None",
    };

    /// <summary>The rounds of the warm-up (the first half, rounded down).</summary>
    public int WarmUpRounds => Rounds / 2;

    /// <summary>The defaults, changed by whichever environment variables are set.</summary>
    /// <returns>The options.</returns>
    public static SimulationOptions FromEnvironment()
    {
        var defaults = new SimulationOptions();
        return defaults with
        {
            Viewers = ReadInt(ViewersVariable, defaults.Viewers, least: 2),
            Rounds = ReadInt(RoundsVariable, defaults.Rounds, least: 2),
            Seed = ReadInt(SeedVariable, defaults.Seed, least: int.MinValue),
            ExaminationExponent = double.TryParse(Environment.GetEnvironmentVariable(ExponentVariable), NumberStyles.Float,
                CultureInfo.InvariantCulture, out var exponent) && exponent > 0 ? exponent : defaults.ExaminationExponent,
        };
    }

    private static int ReadInt(string variable, int fallback, int least) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
        && value >= least ? value : fallback;
}
