using System.Globalization;

namespace LiveCommerce.Tests.Fuzz;

/// <summary>
/// How much the fuzz test does: <c>LIVECOMMERCE_FUZZ_CASES</c> (default 10,000) bad inputs from the seed
/// <c>LIVECOMMERCE_FUZZ_SEED</c> (default: a fixed seed, so CI runs the same cases every time).
/// </summary>
public sealed record FuzzSettings(int Cases, int Seed)
{
    /// <summary>The environment variable with the number of cases.</summary>
    public const string CasesVariable = "LIVECOMMERCE_FUZZ_CASES";

    /// <summary>The environment variable with the seed.</summary>
    public const string SeedVariable = "LIVECOMMERCE_FUZZ_SEED";

    /// <summary>The seed CI uses.</summary>
    public const int DefaultSeed = 20261201;

    /// <summary>Reads the settings from the environment.</summary>
    public static FuzzSettings FromEnvironment()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 10_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        return new FuzzSettings(cases, seed);
    }
}
