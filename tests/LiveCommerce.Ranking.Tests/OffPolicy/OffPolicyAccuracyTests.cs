using System.Diagnostics;
using System.Globalization;
using LiveCommerce.RankerLab.OffPolicy;
using Xunit.Abstractions;

namespace LiveCommerce.Ranking.Tests.OffPolicy;

/// <summary>
/// Accuracy of the off-policy estimators over 200 synthetic streams (see <see cref="SyntheticStream"/>): per seed,
/// 10,000 lists of 20 products (8 local-sme) logged at temperature 0.5 with floor 0.3; targets at temperature 0
/// (greedy) and 0.25; marginals from 20,000 draws per policy; the truth from the click model and the target's
/// marginals (exact at 0, 20,000 draws at 0.25). The sizes can be overridden with the environment variables
/// OPE_LISTS, OPE_SAMPLES and OPE_TRUTH to explore how much data a tolerance needs.
/// </summary>
public sealed class OffPolicyAccuracyTests(ITestOutputHelper output)
{
    private const int Seeds = 200;
    private const double LoggingTemperature = 0.5;
    private const double Floor = 0.3;
    private const double Tolerance = 0.05;

    private static int ListsPerSeed => Environment.GetEnvironmentVariable("OPE_LISTS") is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : 10_000;

    private static int MarginalSamples => Environment.GetEnvironmentVariable("OPE_SAMPLES") is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : 20_000;

    private static int TruthSamples => Environment.GetEnvironmentVariable("OPE_TRUTH") is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : 20_000;

    [Fact]
    public void Dr_lands_within_five_percent_of_the_truth_in_at_least_95_percent_of_200_seeds()
    {
        double[] targets = [0.0, 0.25];
        var relative = new double[Seeds, targets.Length, 3]; // IPS, SNIPS, DR
        var clock = Stopwatch.StartNew();
        var pause = GC.GetTotalPauseDuration();
        Parallel.For(0, Seeds, seed =>
        {
            var stream = new SyntheticStream(seed);
            var logs = stream.Log(ListsPerSeed, LoggingTemperature, Floor);
            var report = OffPolicyEvaluation.Run(logs, new OffPolicyOptions
            {
                TargetTemperatures = targets,
                MarginalSamples = MarginalSamples,
                BootstrapSamples = 0,
                Seed = seed,
            });
            for (var t = 0; t < targets.Length; t++)
            {
                var truth = stream.TrueValue(targets[t], Floor, TruthSamples);
                var r = report.Targets[t];
                relative[seed, t, 0] = (r.Ips.Value / truth) - 1;
                relative[seed, t, 1] = (r.Snips.Value / truth) - 1;
                relative[seed, t, 2] = (r.Dr.Value / truth) - 1;
            }
        });

        string[] names = ["IPS", "SNIPS", "DR"];
        var drShares = new double[targets.Length];
        for (var t = 0; t < targets.Length; t++)
        {
            for (var e = 0; e < 3; e++)
            {
                var errors = Enumerable.Range(0, Seeds).Select(s => relative[s, t, e]).ToArray();
                var within = errors.Count(x => Math.Abs(x) <= Tolerance) / (double)Seeds;
                var rms = Math.Sqrt(errors.Average(x => x * x));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target T={targets[t]}: {names[e],-5} within 5% in {within:P1} of {Seeds} seeds; mean error {Signed(errors.Average())}, RMS {rms:P2}, worst {errors.Max(Math.Abs):P1}"));
                if (e == 2)
                {
                    drShares[t] = within;
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Seeds} seeds x {ListsPerSeed:N0} lists of 20, marginals {MarginalSamples:N0} draws, truth {TruthSamples:N0} draws: {clock.Elapsed.TotalSeconds:0.0} s (GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:0.0} s)"));
        Assert.All(drShares, share => Assert.True(share >= 0.95, $"DR within 5% in only {share:P1} of the seeds"));
    }

    private static string Signed(double fraction) =>
        (fraction >= 0 ? "+" : "-") + Math.Abs(fraction).ToString("0.00%", CultureInfo.InvariantCulture);
}
