using static System.FormattableString;

namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>Turns what a run recorded into the figures of the report, with the hidden truth of the world.</summary>
/// <param name="world">The world.</param>
/// <param name="clicks">The click model.</param>
/// <param name="options">The options.</param>
public sealed class SimulationMetrics(SimWorld world, ClickModel clicks, SimulationOptions options)
{
    private readonly Dictionary<int, Figures> _references = [];

    /// <summary>Measures one run.</summary>
    /// <param name="run">What the run recorded.</param>
    /// <returns>The figures.</returns>
    public ModeMetrics Measure(ModeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rounds = Enumerable.Range(1, options.Rounds)
            .Select(r => Expected(Invariant($"round {r}"), [.. run.Lists.Where(l => l.Round == r)]))
            .ToList();
        var late = run.Lists.Where(l => l.Round > options.WarmUpRounds).ToList();
        var afterWarmUp = Expected(Invariant($"rounds {options.WarmUpRounds + 1}–{options.Rounds}"), late);

        var depth = SimulationTargets.SuggestionDepth;
        var best = world.BestOnAverage(depth);
        var suggested = run.Suggestions.Take(depth).Select(s => s.Product).ToList();
        var byCounts = run.Counts.OrderByDescending(c => c.ClickRate).ThenBy(c => c.Product).Take(depth).Select(c => c.Product).ToList();

        var (own, others) = FavouritePositions(late);
        var isLocal = IsLocal;
        var broken = 0;
        var shortPrefixes = 0;
        foreach (var list in run.Lists)
        {
            var count = ExposureFloor.ShortPrefixes(list.Products, isLocal, SimulationTargets.FloorShare).Count;
            broken += count > 0 ? 1 : 0;
            shortPrefixes += count;
        }

        return new ModeMetrics(
            run.Mode,
            run.Elapsed,
            rounds,
            afterWarmUp,
            run.Suggestions,
            best,
            (double)suggested.Intersect(best).Count() / depth,
            (double)byCounts.Intersect(best).Count() / depth,
            own,
            others,
            run.Lists.Count,
            broken,
            shortPrefixes,
            LocalExaminationShare(run.Lists.Select(l => l.Products)),
            LocalExaminationShare([world.CreatorOrder]),
            run.Counts,
            [.. run.Lists.Where(l => l.Viewer == 0 && (l.Round == 1 || l.Round == options.Rounds))],
            run.Notes);
    }

    /// <summary>Σ over local products of 1/log2(1 + position) over the same sum for all products, over every list.</summary>
    /// <param name="lists">Lists of product indices.</param>
    /// <returns>The local sellers' share of examination-weighted exposure.</returns>
    public double LocalExaminationShare(IEnumerable<IReadOnlyList<int>> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        double local = 0, all = 0;
        foreach (var list in lists)
        {
            for (var k = 0; k < list.Count; k++)
            {
                var weight = 1 / Math.Log2(2 + k);
                all += weight;
                local += IsLocal(list[k]) ? weight : 0;
            }
        }

        return all > 0 ? local / all : double.NaN;
    }

    private bool IsLocal(int product) => world.Products[product].IsLocal;

    private ClickFigures Expected(string label, IReadOnlyList<ShownList> lists)
    {
        double ranked = 0, oracle = 0, fair = 0, creator = 0, random = 0;
        foreach (var list in lists)
        {
            var reference = Reference(list.Viewer);
            ranked += clicks.ExpectedClicks(list.Viewer, list.Products);
            oracle += reference.Oracle;
            fair += reference.OracleWithFloor;
            creator += reference.Creator;
            random += reference.Random;
        }

        var n = Math.Max(1, lists.Count);
        return new ClickFigures(
            label,
            lists.Count,
            ranked / n,
            oracle / n,
            fair / n,
            creator / n,
            random / n,
            lists.Sum(l => l.Clicks),
            lists.Sum(l => l.Carts),
            lists.Select(l => string.Join(',', l.Products)).Distinct(StringComparer.Ordinal).Count(),
            lists.Count(l => l.Products.SequenceEqual(world.CreatorOrder)));
    }

    private Figures Reference(int viewer)
    {
        if (!_references.TryGetValue(viewer, out var figures))
        {
            var oracle = Enumerable.Range(0, world.Products.Count)
                .OrderByDescending(p => world.Attractiveness(viewer, p)).ThenBy(p => p).ToList();
            figures = new Figures(
                clicks.ExpectedClicks(viewer, oracle),
                clicks.ExpectedClicks(viewer, ExposureFloor.Keep(oracle, IsLocal, SimulationTargets.FloorShare)),
                clicks.ExpectedClicks(viewer, world.CreatorOrder),
                clicks.RandomOrderExpectedClicks(viewer));
            _references[viewer] = figures;
        }

        return figures;
    }

    private (double Own, double Others) FavouritePositions(IReadOnlyList<ShownList> lists)
    {
        var fans = new int[world.Products.Count];
        foreach (var viewer in world.Viewers)
        {
            foreach (var favourite in viewer.Favourites)
            {
                fans[favourite]++;
            }
        }

        double ownSum = 0, othersSum = 0;
        long ownCount = 0, othersCount = 0;
        foreach (var list in lists)
        {
            var favourites = world.Viewers[list.Viewer].Favourites;
            for (var k = 0; k < list.Products.Count; k++)
            {
                var product = list.Products[k];
                var mine = favourites.Contains(product) ? 1 : 0;
                ownSum += mine * (k + 1);
                ownCount += mine;
                othersSum += (fans[product] - mine) * (k + 1);
                othersCount += fans[product] - mine;
            }
        }

        return (ownCount > 0 ? ownSum / ownCount : double.NaN, othersCount > 0 ? othersSum / othersCount : double.NaN);
    }

    private sealed record Figures(double Oracle, double OracleWithFloor, double Creator, double Random);
}
