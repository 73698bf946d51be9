using static System.FormattableString;

namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>
/// What the ranker should reach in the simulation, in one place: the targets (reported, and met or not) and
/// the gates CI enforces.
/// </summary>
public static class SimulationTargets
{
    /// <summary>Expected clicks of the ranked lists over those of a random order, after the warm-up, at least.</summary>
    public const double MinRankedOverRandom = 1.3;

    /// <summary>Expected clicks of the ranked lists over those of each viewer's best order, after the warm-up, at least.</summary>
    public const double MinRankedOverOracle = 0.95;

    /// <summary>The gate on ranked/random after the warm-up that CI enforces (the target above is reported).</summary>
    public const double GateRankedOverRandom = 1.15;

    /// <summary>The gate on precision@4 that CI enforces (the target above is reported).</summary>
    public const double GatePrecision = 0.5;

    /// <summary>How many of the creator's suggestions the precision looks at.</summary>
    public const int SuggestionDepth = 4;

    /// <summary>Precision@<see cref="SuggestionDepth"/> of the suggestions against the products viewers like most on average, at least.</summary>
    public const double MinPrecision = 0.75;

    /// <summary>The local-seller floor every prefix of every list must keep (the engine's default setting).</summary>
    public const double FloorShare = 0.3;

    /// <summary>The largest relative gap between the embedded and the Redis run's ranked/random ratio after the warm-up.</summary>
    public const double MaxModeGap = 0.05;

    /// <summary>The relative gap of two figures: |a − b| / max(|a|, |b|).</summary>
    /// <param name="a">One figure.</param>
    /// <param name="b">The other.</param>
    /// <returns>The gap (0 when both are 0).</returns>
    public static double Gap(double a, double b)
    {
        var scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return scale == 0 ? 0 : Math.Abs(a - b) / scale;
    }

    /// <summary>Checks every target against the runs.</summary>
    /// <param name="runs">The measured runs, the embedded one first.</param>
    /// <returns>One check per target and mode, and the agreement of the first two runs.</returns>
    public static IReadOnlyList<TargetCheck> Check(IReadOnlyList<ModeMetrics> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var checks = new List<TargetCheck>();
        foreach (var run in runs)
        {
            checks.Add(new TargetCheck(Invariant($"{run.Mode}: ranked/random after warm-up ≥ {MinRankedOverRandom:F2} (target)"),
                run.AfterWarmUp.RankedOverRandom >= MinRankedOverRandom, Invariant($"{run.AfterWarmUp.RankedOverRandom:F3}"), Gates: false));
            checks.Add(new TargetCheck(Invariant($"{run.Mode}: ranked/random after warm-up ≥ {GateRankedOverRandom:F2} (gate)"),
                run.AfterWarmUp.RankedOverRandom >= GateRankedOverRandom, Invariant($"{run.AfterWarmUp.RankedOverRandom:F3}")));
            checks.Add(new TargetCheck(Invariant($"{run.Mode}: ranked/oracle after warm-up ≥ {MinRankedOverOracle:F2} (target)"),
                run.AfterWarmUp.RankedOverOracle >= MinRankedOverOracle, Invariant($"{run.AfterWarmUp.RankedOverOracle:F3}"), Gates: false));
            checks.Add(new TargetCheck(Invariant($"{run.Mode}: suggestions precision@{SuggestionDepth} ≥ {MinPrecision:F2} (target)"),
                run.Precision >= MinPrecision, Invariant($"{run.Precision:F2}"), Gates: false));
            checks.Add(new TargetCheck(Invariant($"{run.Mode}: suggestions precision@{SuggestionDepth} ≥ {GatePrecision:F2} (gate)"),
                run.Precision >= GatePrecision, Invariant($"{run.Precision:F2}")));
            checks.Add(new TargetCheck(Invariant($"{run.Mode}: every prefix of every list keeps the local floor ({FloorShare:F1})"),
                run.FloorBrokenLists == 0, Invariant($"{run.FloorBrokenLists} of {run.Lists} lists short ({run.FloorShortPrefixes} prefixes)")));
        }

        if (runs.Count >= 2)
        {
            var (a, b) = (runs[0].AfterWarmUp.RankedOverRandom, runs[1].AfterWarmUp.RankedOverRandom);
            var gap = Gap(a, b);
            checks.Add(new TargetCheck(Invariant($"{runs[0].Mode} and {runs[1].Mode} agree within {MaxModeGap * 100:F0}% (ranked/random after warm-up)"),
                gap <= MaxModeGap, Invariant($"{a:F3} vs {b:F3}: {gap * 100:F1}% apart")));
        }

        return checks;
    }
}
