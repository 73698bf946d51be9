using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.Model;

/// <summary>
/// The grain-level model test: seeded random sequences of shop operations on an Orleans test cluster, compared with
/// <see cref="CommerceModel"/> after every step (see <see cref="CommerceRun"/>). A failure prints the CsCheck seed
/// (replay with <c>LIVECOMMERCE_MODEL_SEED</c>), the smallest failing sequence CsCheck found, that sequence reduced
/// further step by step, and what each step did.
/// </summary>
public sealed class CommerceModelTests(ModelClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ModelClusterFixture>
{
    private static readonly Gen<ModelStep> Step = Gen.Frequency(
        (10, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 9]).Select((v, k) => new ModelStep("claim", v, k))),
        (3, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 9]).Select((v, h) => new ModelStep("release", v, h))),
        (5, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 9], Gen.Int[1, 3]).Select((v, p, q) => new ModelStep("add", v, p, q))),
        (3, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 9], Gen.Int[0, 3]).Select((v, p, q) => new ModelStep("set", v, p, q))),
        (6, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 9]).Select((v, key, pick) => new ModelStep("checkout", v, key, pick))),
        (4, Gen.OneOf(Gen.Int[1, 10], Gen.Int[15, 30], Gen.Int[40, 90]).Select(s => new ModelStep("advance", s))),
        (5, Gen.Select(Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[1, 4], Gen.Int[1, 2]).Select((s, p, q, l) => new ModelStep("offer", s, p, q, l))),
        (1, Gen.Int[0, 9].Select(k => new ModelStep("cancel", k))),
        (1, Gen.Int[0, 9].Select(n => new ModelStep("stream", n))),
        (1, Gen.Int[0, 9].Select(s => new ModelStep("start", s))),
        (1, Gen.Int[0, 9].Select(s => new ModelStep("end", s))),
        (1, Gen.Int[0, 8].Select(n => new ModelStep("product", n))));

    [Fact]
    public async Task Random_sequences_of_claims_carts_checkouts_and_time_agree_with_the_model()
    {
        var gen = Gen.Select(Gen.Int[0, 9].Array[3], Step.Array[ModelRuns.Steps]);
        (int[] Stocks, ModelStep[] Steps)? smallest = null;
        var watch = Stopwatch.StartNew();
        var runs = 0;
        try
        {
            await gen.SampleAsync(
                async (stocks, steps) =>
                {
                    runs++;
                    try
                    {
                        await CommerceRun.RunAsync(fixture.Cluster.GrainFactory, ModelClusterFixture.Time, stocks, steps);
                    }
                    catch (ModelViolation)
                    {
                        if (smallest is null || steps.Length < smallest.Value.Steps.Length)
                        {
                            smallest = (stocks, steps);
                        }

                        throw;
                    }
                },
                seed: ModelRuns.Seed,
                iter: ModelRuns.Sequences,
                threads: 1,
                print: t => Print(t.Item1, t.Item2));
        }
        catch (Exception sampled) when (smallest is { } found)
        {
            var (minimal, violation) = await ShrinkAsync(found.Stocks, found.Steps);
            throw new ModelViolation(
                $"{sampled.Message}{Environment.NewLine}{Environment.NewLine}Reduced to {minimal.Count} steps:{Environment.NewLine}" +
                $"{Print(found.Stocks, minimal)}{Environment.NewLine}{Environment.NewLine}{violation}");
        }

        output.WriteLine($"{runs} sequences of {ModelRuns.Steps} steps in {watch.Elapsed.TotalSeconds:F1} s; outcomes:");
        foreach (var (outcome, times) in CommerceRun.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {outcome}: {times}");
        }
    }

    [Fact]
    public async Task A_refused_checkout_whose_cause_goes_away_is_confirmed_when_the_same_key_is_retried()
    {
        ModelStep[] steps =
        [
            new("add", 0, 0, 3),         // V0 wants all 3 units of P0
            new("offer", 0, 0, 1, 1),    // an offer takes 1 of them: 2 left
            new("claim", 1, 0),          // V1 holds the offer's unit
            new("checkout", 0, 0),       // refused: only 2 left
            new("cancel", 0),            // the offer ends; V1's hold runs on
            new("release", 1, 0),        // V1 gives the unit back: 3 in stock again
            new("checkout", 0, 2),       // the same key again: confirmed
            new("checkout", 0, 2),       // and again: the same order
            new("add", 2, 1, 2),         // V2 wants 2 of P1 (stock 1): refused
            new("add", 2, 1, 1),
            new("offer", 0, 1, 1, 1),    // the only unit of P1 goes to an offer
            new("checkout", 2, 0),       // refused: sold out
            new("claim", 2, 0),          // V2 holds it instead (0: the latest offer)
            new("set", 2, 1, 0),         // and drops the regular line
            new("checkout", 2, 2),       // the same key buys the held unit
            new("advance", 60),
        ];

        await CommerceRun.RunAsync(fixture.Cluster.GrainFactory, ModelClusterFixture.Time, [3, 1], steps);
    }

    /// <summary>Removes steps while the sequence still fails (delta debugging), within a budget of runs and time.</summary>
    private async Task<(IReadOnlyList<ModelStep> Steps, string Violation)> ShrinkAsync(int[] stocks, ModelStep[] failing)
    {
        var current = failing.ToList();
        var violation = await FailureAsync(stocks, current) ?? "(the failure did not repeat: it depends on timing)";
        var budget = Stopwatch.StartNew();
        var chunks = 2;
        while (current.Count >= 2 && budget.Elapsed < TimeSpan.FromSeconds(120))
        {
            var size = (int)Math.Ceiling(current.Count / (double)chunks);
            var reduced = false;
            for (var start = 0; start < current.Count && budget.Elapsed < TimeSpan.FromSeconds(120); start += size)
            {
                var candidate = current.Take(start).Concat(current.Skip(start + size)).ToList();
                if (await FailureAsync(stocks, candidate) is { } found)
                {
                    current = candidate;
                    violation = found;
                    chunks = Math.Max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }

            if (!reduced)
            {
                if (chunks >= current.Count)
                {
                    break;
                }

                chunks = Math.Min(chunks * 2, current.Count);
            }
        }

        output.WriteLine($"reduced to {current.Count} steps:{Environment.NewLine}{Print(stocks, current)}{Environment.NewLine}{violation}");
        return (current, violation);
    }

    private async Task<string?> FailureAsync(int[] stocks, IReadOnlyList<ModelStep> steps)
    {
        try
        {
            await CommerceRun.RunAsync(fixture.Cluster.GrainFactory, ModelClusterFixture.Time, stocks, steps);
            return null;
        }
        catch (ModelViolation violation)
        {
            return violation.Message;
        }
    }

    private static string Print(int[] stocks, IReadOnlyList<ModelStep> steps) =>
        $"products with stock [{string.Join(", ", stocks)}], stream S0 live, viewers V0..V{CommerceRun.ViewerCount - 1}{Environment.NewLine}{ModelStep.Print(steps)}";
}
