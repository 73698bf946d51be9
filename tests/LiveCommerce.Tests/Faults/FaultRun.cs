using System.Globalization;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.Faults;

/// <summary>
/// How long and with which seeds the fault tests run. CI runs one round of each with fixed seeds;
/// <c>LIVECOMMERCE_FAULT_ROUNDS</c> runs more rounds (seed, seed + 1, …) and <c>LIVECOMMERCE_FAULT_SEED</c>
/// replaces the base seed of every test (scripts/faults.sh sets both).
/// </summary>
public static class FaultRun
{
    /// <summary>Rounds per test (1 unless <c>LIVECOMMERCE_FAULT_ROUNDS</c> says more).</summary>
    public static int Rounds =>
        int.TryParse(Environment.GetEnvironmentVariable("LIVECOMMERCE_FAULT_ROUNDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rounds) && rounds > 0 ? rounds : 1;

    /// <summary>The seed of round <paramref name="round"/> (0-based) of a test whose fixed seed is <paramref name="fixedSeed"/>.</summary>
    public static int Seed(int fixedSeed, int round) =>
        (int.TryParse(Environment.GetEnvironmentVariable("LIVECOMMERCE_FAULT_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : fixedSeed) + round;

    /// <summary>
    /// Runs <paramref name="run"/> once per round with that round's seed (see <see cref="Seed"/>) and fails with every
    /// violation the rounds returned.
    /// </summary>
    public static async Task AllRoundsAsync(int fixedSeed, Func<int, Task<IReadOnlyList<string>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var violations = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            violations.AddRange(await run(Seed(fixedSeed, round)));
        }

        Assert.True(violations.Count == 0, $"{violations.Count} violations:\n" + string.Join("\n", violations));
    }

    /// <summary>Writes <paramref name="line"/> to the test's <paramref name="output"/> and, as a "[faults] " line, to the console.</summary>
    public static void Say(ITestOutputHelper output, string line)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(line);
        Console.WriteLine("[faults] " + line);
    }
}
