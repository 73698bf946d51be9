using System.Text;
using LiveCommerce.Contracts.Products;
using static System.FormattableString;

namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>The readable report of a simulation: the setup, each mode's figures, the products' hidden truth next to what each engine counted, and the targets.</summary>
public static class SimulationReport
{
    /// <summary>Writes the report.</summary>
    /// <param name="options">The options.</param>
    /// <param name="world">The world.</param>
    /// <param name="clicks">The click model.</param>
    /// <param name="runs">The measured runs.</param>
    /// <param name="checks">The targets.</param>
    /// <returns>The report.</returns>
    public static string Format(SimulationOptions options, SimWorld world, ClickModel clicks, IReadOnlyList<ModeMetrics> runs, IReadOnlyList<TargetCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(clicks);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(checks);
        var text = new StringBuilder();
        var all = world.Viewers.SelectMany(v => world.Products.Select(p => world.Attractiveness(v.Index, p.Index))).ToList();
        Line(text, Invariant($"Ranking simulation: seed {options.Seed}, {options.Viewers} viewers x {options.Rounds} rounds, examination e(k) = (1/k)^{clicks.Exponent:0.##}, warm-up {options.WarmUpRounds} rounds"));
        Line(text, Invariant($"World: {world.Products.Count} products ({Kinds(world)}) in {SimWorld.Categories.Count} categories, prices {world.Products.Min(p => p.PriceMinor):N0}-{world.Products.Max(p => p.PriceMinor):N0} IDR, {world.Sellers} sellers;"));
        Line(text, Invariant($"       attractiveness a(v,p) {all.Min():F3}-{all.Max():F3} (mean {all.Average():F3}); Σ e(k) over {world.Products.Count} positions = {clicks.TotalExamination(world.Products.Count):F2}"));
        Line(text, Invariant($"Creator's order: {string.Join(" ", world.CreatorOrder.Select(p => world.Products[p].Label))}"));
        foreach (var run in runs)
        {
            Mode(text, world, run);
        }

        Products(text, world, runs);
        Line(text, string.Empty);
        Line(text, "Targets:");
        foreach (var check in checks)
        {
            Line(text, Invariant($"  [{(check.Met ? "met " : "MISS")}] {check.Target}: {check.Measured}"));
        }

        return text.ToString();
    }

    private static void Mode(StringBuilder text, SimWorld world, ModeMetrics run)
    {
        Line(text, string.Empty);
        Line(text, Invariant($"== {run.Mode} (elapsed {run.Elapsed.TotalSeconds:F1} s)"));
        Line(text, "expected clicks per join:");
        Line(text, "  joins    list     ranked  oracle  or+floor creator random | r/random r/oracle r/creator | clicks carts distinct creator's");
        foreach (var figures in run.Rounds.Append(run.AfterWarmUp))
        {
            Line(text, Invariant(
                $"  {figures.Label,-13} {figures.Joins,4} {figures.Ranked,7:F3} {figures.Oracle,7:F3} {figures.OracleWithFloor,8:F3} {figures.Creator,7:F3} {figures.Random,6:F3} | {figures.RankedOverRandom,8:F3} {figures.RankedOverOracle,8:F3} {figures.RankedOverCreator,9:F3} | {figures.Clicks,6} {figures.Carts,5} {figures.DistinctLists,8} {figures.CreatorOrderLists,9}"));
        }

        var after = run.AfterWarmUp;
        Line(text, Invariant($"after warm-up: ranked/random {after.RankedOverRandom:F3}, ranked/oracle {after.RankedOverOracle:F3} (oracle with the floor: {after.RankedOverOracleWithFloor:F3}), ranked/creator {after.RankedOverCreator:F3}"));
        Line(text, Invariant($"suggestions, best first: {string.Join("; ", run.Suggestions.Select(s => Invariant($"{Name(world, s.Product)} {s.Score:F3} [{string.Join(", ", s.Reasons)}]")))}"));
        Line(text, Invariant($"precision@{SimulationTargets.SuggestionDepth} {run.Precision:F2} against the best on average {string.Join(" ", run.BestOnAverage.Select(p => world.Products[p].Label))}; the {SimulationTargets.SuggestionDepth} highest click rates in the analytics would give {run.CountPrecision:F2}"));
        Line(text, Invariant($"personalisation (after warm-up): favourites at mean position {run.FavouriteOwnPosition:F2} in their viewer's own list, {run.FavouriteOthersPosition:F2} in other viewers' lists"));
        var locals = world.Products.Count(p => p.IsLocal);
        Line(text, Invariant($"fairness: {run.FloorBrokenLists} of {run.Lists} lists short of the floor {SimulationTargets.FloorShare:F1} ({run.FloorShortPrefixes} prefixes); local examination share {run.LocalExaminationShare:F3} (creator's order {run.CreatorLocalExaminationShare:F3}; head count {locals}/{world.Products.Count} = {(double)locals / world.Products.Count:F3})"));
        foreach (var sample in run.Samples)
        {
            var viewer = world.Viewers[sample.Viewer];
            Line(text, Invariant($"viewer {viewer.Index} in round {sample.Round} (* = a favourite, L = local): {string.Join(" ", sample.Products.Select(p => world.Products[p].Label + (viewer.Favourites.Contains(p) ? "*" : string.Empty) + (world.Products[p].IsLocal ? "L" : string.Empty)))}"));
        }

        Line(text, run.Notes.Count == 0 ? "notes: none" : "notes: " + string.Join("; ", run.Notes));
    }

    private static void Products(StringBuilder text, SimWorld world, IReadOnlyList<ModeMetrics> runs)
    {
        Line(text, string.Empty);
        Line(text, "Products, by mean attractiveness (hidden truth | per mode: clicks/impressions = click rate, suggestion rank):");
        var order = Enumerable.Range(0, world.Products.Count).OrderByDescending(world.MeanAttractiveness).ThenBy(p => p);
        foreach (var index in order)
        {
            var product = world.Products[index];
            var row = new StringBuilder(Invariant(
                $"  {Name(world, index),-24} {product.PriceMinor,9:N0} IDR  quality {product.Quality,5:+0.00;-0.00}  mean a {world.MeanAttractiveness(index):F3}  cart {product.CartProbability:F2}  creator #{world.CreatorOrder.ToList().IndexOf(index) + 1,-2} |"));
            foreach (var run in runs)
            {
                var counts = run.Counts.FirstOrDefault(c => c.Product == index);
                var suggested = run.Suggestions.Select(s => s.Product).ToList().IndexOf(index);
                row.Append(Invariant($" {run.Mode} {counts?.Clicks ?? 0,3}/{counts?.Impressions ?? 0,-4} = {counts?.ClickRate ?? 0:F3}{(suggested >= 0 ? Invariant($" s#{suggested + 1}") : "    ")}"));
            }

            Line(text, row.ToString());
        }
    }

    private static string Name(SimWorld world, int product)
    {
        var p = world.Products[product];
        return Invariant($"{p.Label} {p.SellerKind}/{SimWorld.Categories[p.Category]}");
    }

    private static string Kinds(SimWorld world) =>
        string.Join(", ", world.Products.GroupBy(p => p.SellerKind).Select(g => Invariant($"{g.Count()} {g.Key}")));

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
