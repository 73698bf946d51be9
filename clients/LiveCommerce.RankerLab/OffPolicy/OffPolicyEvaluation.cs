using System.Runtime.InteropServices;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Policy;
using LiveCommerce.RankerLab.Evaluation;

namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>
/// Off-policy evaluation of the engine's own ranked-list logs (<see cref="RankedListLog"/>): estimates the value
/// (outcomes — clicks by default — per list) that the logging policy would have had at another temperature, from
/// lists logged at the logging temperature.
/// <para>
/// <b>Propensities.</b> For every distinct logged list the position marginals of the logging policy
/// (P(item i shown at position k), <see cref="PositionMarginals"/>) and of each target are recomputed from the
/// logged scores, seller kinds, temperature and floor: Monte Carlo with <see cref="OffPolicyOptions.MarginalSamples"/>
/// draws, exact at temperature 0 and for lists of at most six items. The weight of the item shown at position k is
/// w = π_target(item at k) / π_logging(item at k).
/// </para>
/// <para>
/// <b>Estimators</b> (L lists, y[l,k] = 1 when position k of list l had the outcome):
/// IPS = (1/L) Σₗ Σₖ w·y; SNIPS = Σₖ (Σₗ w·y / Σₗ w) · (share of lists at least k long); DR = (1/L) Σₗ [Σₖ Σᵢ
/// π_target(i at k)·q̂(i, k) + Σₖ w·(y − q̂(shown item, k))] with the position-based reward model q̂
/// (<see cref="PositionBasedClickModel"/>) fitted on all the logs; the direct method is the first DR term alone.
/// Item-position IPS is unbiased when the outcome at a position depends only on the item there and the position
/// (a position-based click model), whatever else is shown.
/// </para>
/// <para>
/// <b>Intervals.</b> A paired percentile bootstrap over lists: each replicate resamples the lists with replacement
/// and recomputes every estimator and the logging policy's on-policy value on the same resample, so the interval of
/// target − logging accounts for their correlation. The reward model and the marginals are held fixed.
/// </para>
/// </summary>
public static class OffPolicyEvaluation
{
    /// <summary>Largest difference between a logged and a re-sampled choice probability that still counts as reproduced.</summary>
    public const double ReproductionTolerance = 1e-9;

    /// <summary>Reads the JSON-lines file of <see cref="OffPolicyOptions.LogsPath"/> and evaluates it.</summary>
    /// <param name="options">Settings.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidDataException">A record is malformed.</exception>
    public static OffPolicyReport Run(OffPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.LogsPath ?? throw new ArgumentException("No logs file given.", nameof(options));
        using var reader = new StreamReader(path);
        var logs = RankedListLogJson.ReadLines(reader).ToList();
        return Run(logs, options, path);
    }

    /// <summary>Evaluates logs already in memory.</summary>
    /// <param name="logs">The logged lists.</param>
    /// <param name="options">Settings (<see cref="OffPolicyOptions.LogsPath"/> is ignored).</param>
    /// <param name="source">A description of where the logs came from, for the report.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidDataException">A record is malformed.</exception>
    public static OffPolicyReport Run(IReadOnlyList<RankedListLog> logs, OffPolicyOptions options, string source = "in-memory logs")
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(options);
        var targets = ValidateOptions(options);

        // 1. Validate and index the logs; equal lists share one copy of their content.
        var itemIds = new Dictionary<(string Stream, string Product), int>();
        var lists = new PreparedList[logs.Count];
        var groups = new Dictionary<DistinctListKey, List<PreparedList>>();
        for (var l = 0; l < logs.Count; l++)
        {
            var list = Prepare(logs[l], l, itemIds, options.Metric);
            var key = new DistinctListKey(list);
            if (groups.TryGetValue(key, out var members))
            {
                list.ShareContentOf(members[0]);
            }
            else
            {
                members = [];
                groups.Add(key, members);
            }

            members.Add(list);
            lists[l] = list;
        }

        var maxLength = lists.Length == 0 ? 0 : lists.Max(x => x.Length);
        var reproduced = CountReproduced(lists, logs);

        // 2. The reward model.
        var model = FitRewardModel(lists, itemIds.Count, maxLength, options.RewardModelIterations);

        // 3. Marginals once per distinct list, weights and reward-model terms for every list.
        var terms = new ListTerms(lists, targets.Length);
        var groupArray = groups.ToArray();
        Parallel.For(
            0,
            groupArray.Length,
            () => new MarginalWorkspace(),
            (g, _, workspace) =>
            {
                ProcessGroup(groupArray[g].Key, groupArray[g].Value, targets, model, options, terms, workspace);
                return workspace;
            },
            _ => { });

        // 4. Estimates and paired bootstrap.
        var estimator = new ListEstimator(lists, terms, maxLength);
        var point = estimator.Statistics(null);
        var replicates = Replicates(estimator, lists.Length, options);
        Estimate At(int s) => options.BootstrapSamples == 0 || lists.Length == 0
            ? new Estimate(point[s], double.NaN, double.NaN)
            : Bootstrap.Interval(point[s], replicates[s]);

        var results = new TargetPolicyResult[targets.Length];
        for (var t = 0; t < targets.Length; t++)
        {
            var (first, min) = estimator.EffectiveSampleSizes(t);
            var b = ListEstimator.TargetOffset(t);
            results[t] = new TargetPolicyResult(
                targets[t],
                At(b + ListEstimator.Ips),
                At(b + ListEstimator.Snips),
                At(b + ListEstimator.Dr),
                At(b + ListEstimator.DirectMethod),
                At(b + ListEstimator.Ips + ListEstimator.DifferenceOffset),
                At(b + ListEstimator.Snips + ListEstimator.DifferenceOffset),
                At(b + ListEstimator.Dr + ListEstimator.DifferenceOffset),
                At(b + ListEstimator.DirectMethod + ListEstimator.DifferenceOffset),
                first,
                min,
                lists.Length == 0 ? double.NaN : terms.Coverage[t].Average(),
                terms.Floored[t].Sum(x => (long)x));
        }

        return new OffPolicyReport(
            source,
            options,
            lists.Length,
            groups.Count,
            lists.Sum(x => (long)x.Length),
            lists.Sum(x => (long)x.Outcomes.Length),
            maxLength,
            reproduced,
            [.. lists.Select(x => x.Temperature).Distinct().Order()],
            [.. lists.Select(x => x.Floor).Distinct().Order()],
            At(ListEstimator.Logged),
            [.. model.Examination.Take(20)],
            model.Iterations,
            results);
    }

    private static double[] ValidateOptions(OffPolicyOptions options)
    {
        if (options.TargetTemperatures is not { Count: > 0 })
        {
            throw new ArgumentException("At least one target temperature is needed.", nameof(options));
        }

        foreach (var t in options.TargetTemperatures)
        {
            if (!double.IsFinite(t) || t < 0)
            {
                throw new ArgumentException($"Target temperatures must be finite and at least 0, not {t}.", nameof(options));
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MarginalSamples, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BootstrapSamples, 0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RewardModelIterations, 1, nameof(options));
        return [.. options.TargetTemperatures.Distinct()];
    }

    private static PreparedList Prepare(RankedListLog log, int index, Dictionary<(string Stream, string Product), int> itemIds, OffPolicyMetric metric)
    {
        InvalidDataException Bad(string problem) => new($"Record {index + 1} (list '{log?.ListId}'): {problem}");
        if (log is null || string.IsNullOrEmpty(log.ListId))
        {
            throw Bad("the list id is missing.");
        }

        if (log.Items is null)
        {
            throw Bad("items are missing.");
        }

        if (!double.IsFinite(log.Temperature) || log.Temperature < 0)
        {
            throw Bad($"the temperature must be finite and at least 0, not {log.Temperature}.");
        }

        if (double.IsNaN(log.Floor))
        {
            throw Bad("the floor is not a number.");
        }

        var n = log.Items.Count;
        var scores = new double[n];
        var kinds = new SellerKind[n];
        var items = new int[n];
        var shown = new int[n];
        Array.Fill(shown, -1);
        var stream = log.StreamId ?? string.Empty;
        for (var i = 0; i < n; i++)
        {
            var item = log.Items[i] ?? throw Bad($"item {i + 1} is null.");
            if (item.ProductId is null)
            {
                throw Bad($"item {i + 1} has no product id.");
            }

            if (double.IsNaN(item.Score) || double.IsPositiveInfinity(item.Score))
            {
                throw Bad($"item {i + 1} has score {item.Score}; scores must be finite or -Infinity.");
            }

            if (item.Position < 1 || item.Position > n || shown[item.Position - 1] >= 0)
            {
                throw Bad($"the positions are not a permutation of 1..{n} (item {i + 1} has position {item.Position}).");
            }

            shown[item.Position - 1] = i;
            scores[i] = item.Score;
            kinds[i] = item.SellerKind ?? SellerKind.Brand;
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(itemIds, (stream, item.ProductId), out var exists);
            if (!exists)
            {
                id = itemIds.Count - 1;
            }

            items[i] = id;
        }

        var outcomePositions = (metric == OffPolicyMetric.Carts ? log.Carts : log.Clicks) ?? [];
        var outcomes = new int[outcomePositions.Count];
        for (var j = 0; j < outcomes.Length; j++)
        {
            var position = outcomePositions[j];
            if (position < 1 || position > n)
            {
                throw Bad($"outcome position {position} is outside 1..{n}.");
            }

            outcomes[j] = position - 1;
        }

        // Each position counts once, however often it is listed.
        Array.Sort(outcomes);
        var distinct = 0;
        for (var j = 0; j < outcomes.Length; j++)
        {
            if (distinct == 0 || outcomes[j] != outcomes[distinct - 1])
            {
                outcomes[distinct++] = outcomes[j];
            }
        }

        return new PreparedList(index, scores, kinds, items, shown, outcomes[..distinct], log.Temperature, log.Floor);
    }

    private static int CountReproduced(PreparedList[] lists, IReadOnlyList<RankedListLog> logs)
    {
        var count = 0;
        Parallel.For(
            0,
            lists.Length,
            () => new ReproductionCheck(),
            (l, _, check) =>
            {
                check.Add(lists[l], logs[l]);
                return check;
            },
            check => Interlocked.Add(ref count, check.Matches));
        return count;
    }

    private static PositionBasedClickModel FitRewardModel(PreparedList[] lists, int items, int positions, int iterations)
    {
        var cells = new Dictionary<long, (double Shown, double Outcomes)>();
        foreach (var list in lists)
        {
            var outcome = 0;
            for (var k = 0; k < list.Length; k++)
            {
                var hit = outcome < list.Outcomes.Length && list.Outcomes[outcome] == k;
                if (hit)
                {
                    outcome++;
                }

                var key = ((long)list.Items[list.Shown[k]] * positions) + k;
                cells.TryGetValue(key, out var cell);
                cells[key] = (cell.Shown + 1, cell.Outcomes + (hit ? 1 : 0));
            }
        }

        var array = cells.Select(c => new ClickCell((int)(c.Key / positions), (int)(c.Key % positions), c.Value.Shown, c.Value.Outcomes)).ToArray();
        return PositionBasedClickModel.Fit(array, items, positions, iterations);
    }

    private static void ProcessGroup(DistinctListKey key, List<PreparedList> members, double[] targets, PositionBasedClickModel model, OffPolicyOptions options, ListTerms terms, MarginalWorkspace workspace)
    {
        var list = key.List;
        var n = list.Length;
        var logging = workspace.Logging(n);
        var baseSeed = ListSeed.Combine((ulong)(uint)options.Seed, key.Hash);
        workspace.Marginals.Compute(list.Scores, list.Kinds, list.Temperature, list.Floor, options.MarginalSamples, ListSeed.Combine(baseSeed, BitConverter.DoubleToUInt64Bits(list.Temperature)), logging);
        var floorPropensity = 1.0 / options.MarginalSamples;
        for (var t = 0; t < targets.Length; t++)
        {
            double[] target;
            if (targets[t].CompareTo(list.Temperature) == 0)
            {
                target = logging;
            }
            else
            {
                target = workspace.Target(n);
                workspace.Marginals.Compute(list.Scores, list.Kinds, targets[t], list.Floor, options.MarginalSamples, ListSeed.Combine(baseSeed, BitConverter.DoubleToUInt64Bits(targets[t])), target);
            }

            var direct = 0.0;
            var supported = 0.0;
            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k < n; k++)
                {
                    var q = target[(i * n) + k];
                    if (q > 0)
                    {
                        direct += q * model.Predict(list.Items[i], k);
                        supported += logging[(i * n) + k] > 0 ? q : 0;
                    }
                }
            }

            var coverage = n == 0 ? 1.0 : supported / n;
            var allWeights = terms.Weights[t];
            foreach (var member in members)
            {
                var weights = allWeights.AsSpan(member.Offset, n);
                var dr = direct;
                var floored = 0;
                for (var k = 0; k < n; k++)
                {
                    var i = member.Shown[k];
                    var p = logging[(i * n) + k];
                    if (p <= 0)
                    {
                        p = floorPropensity;
                        floored++;
                    }

                    // The logging policy as its own target has weight 1 exactly, even where Monte Carlo missed the pair.
                    var w = ReferenceEquals(target, logging) ? 1.0 : target[(i * n) + k] / p;
                    weights[k] = w;
                    dr -= w * model.Predict(member.Items[i], k);
                }

                var ips = 0.0;
                foreach (var k in member.Outcomes)
                {
                    ips += weights[k];
                }

                var l = member.Index;
                terms.Ips[t][l] = ips;
                terms.Dr[t][l] = dr + ips;
                terms.DirectMethod[t][l] = direct;
                terms.Coverage[t][l] = coverage;
                terms.Floored[t][l] = floored;
            }
        }
    }

    private static double[][] Replicates(ListEstimator estimator, int lists, OffPolicyOptions options)
    {
        var samples = lists == 0 ? 0 : options.BootstrapSamples;
        var byReplicate = new double[samples][];
        var seed = ListSeed.Combine((ulong)(uint)options.Seed, 0xB0075);
        Parallel.For(0, samples, b =>
        {
            var random = new PolicyRandom(ListSeed.Combine(seed, (ulong)b));
            var multiplicity = new int[lists];
            for (var d = 0; d < lists; d++)
            {
                multiplicity[random.NextInt(lists)]++;
            }

            byReplicate[b] = estimator.Statistics(multiplicity);
        });

        var statistics = ListEstimator.StatisticCount(estimator.Targets);
        var byStatistic = new double[statistics][];
        for (var s = 0; s < statistics; s++)
        {
            byStatistic[s] = new double[samples];
            for (var b = 0; b < samples; b++)
            {
                byStatistic[s][b] = byReplicate[b][s];
            }
        }

        return byStatistic;
    }
}
