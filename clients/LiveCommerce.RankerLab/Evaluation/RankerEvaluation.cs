using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Features;
using LiveCommerce.RankerLab.Obd;

namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>
/// Offline evaluation of the LiveCommerce ranker on the Open Bandit Dataset sample. Per campaign: the ranker
/// learns online (the engine's own <see cref="ProductRanker.Update(RankingCandidate, in StreamSummary, ViewerAffinities?, int, double)"/>)
/// from the first part of the uniform-random logs in time order; on the rest, the click-through rate the learned
/// policy would have had is estimated with IPS, SNIPS and DR, each with a seeded percentile-bootstrap 95% interval.
/// <para>
/// Slot handling: each logged row is one (context, slot, item, click). A ranking policy acts per slot: its action in
/// slot p is the item it would put in slot p for that viewer. The greedy policy's action is its p-th ranked item
/// (weight <c>1[match] / propensity</c>); the softmax policy draws a Plackett–Luce ranking from its scores, and its
/// action probability is the exact marginal probability of putting the logged item in slot p.
/// </para>
/// </summary>
public static class RankerEvaluation
{
    /// <summary>Pseudo-impressions shrinking the DR reward model's per (item, slot) CTR towards the slot's CTR.</summary>
    public const double RewardModelPseudoImpressions = 200.0;

    private const int Slots = 3;

    /// <summary>Runs the evaluation for every campaign of <paramref name="options"/>.</summary>
    /// <param name="options">Settings.</param>
    /// <returns>The report.</returns>
    public static EvaluationReport Run(EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = ObdDataLocator.Resolve(options.DataDirectory);
        var results = options.Campaigns.Select(c => RunCampaign(directory, c, options)).ToArray();
        return new EvaluationReport(options, results);
    }

    /// <summary>Evaluates one campaign.</summary>
    /// <param name="obdDirectory">The folder holding random/ and bts/.</param>
    /// <param name="campaign">men or women.</param>
    /// <param name="options">Settings.</param>
    /// <returns>The result.</returns>
    public static CampaignResult RunCampaign(string obdDirectory, string campaign, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var items = ObdReader.ReadItems(Path.Combine(obdDirectory, "random", campaign, "item_context.csv"));
        var random = ObdReader.ReadLogs(Path.Combine(obdDirectory, "random", campaign, campaign + ".csv"), options.MaxRows);
        var bts = ObdReader.ReadLogs(Path.Combine(obdDirectory, "bts", campaign, campaign + ".csv"), options.MaxRows);
        if (random.Count < 2)
        {
            throw new InvalidDataException($"Campaign {campaign}: too few uniform-random rows ({random.Count}).");
        }

        var trainCount = Math.Clamp((int)Math.Round(random.Count * options.TrainFraction), 1, random.Count - 1);
        var train = random.Take(trainCount).ToArray();
        var test = random.Skip(trainCount).ToArray();

        // 1. Learn online, in time order, exactly as the engine would.
        var origin = new DateTimeOffset(train[0].Timestamp.UtcDateTime.Date, TimeSpan.Zero);
        var state = new ObdFeatureState(items, origin);
        var ranker = new ProductRanker();
        var slotImpressions = new double[Slots];
        var slotClicks = new double[Slots];
        var itemSlotImpressions = new double[items.Count, Slots];
        var itemSlotClicks = new double[items.Count, Slots];
        foreach (var row in train)
        {
            var candidates = state.Candidates(row.Timestamp);
            var stream = StreamSummary.From(candidates);
            ranker.Update(candidates[row.ItemId], stream, ObdFeatureState.Viewer(row, items), SlotOf(row) + 1, row.Click);
            state.Observe(row);
            var slot = SlotOf(row);
            slotImpressions[slot]++;
            slotClicks[slot] += row.Click;
            itemSlotImpressions[row.ItemId, slot]++;
            itemSlotClicks[row.ItemId, slot] += row.Click;
        }

        // 2. DR reward model: per (item, slot) CTR of the training part, shrunk towards the slot's CTR.
        var rewardModel = new double[items.Count, Slots];
        for (var s = 0; s < Slots; s++)
        {
            var slotCtr = (slotClicks[s] + 1.0) / (slotImpressions[s] + 200.0);
            for (var a = 0; a < items.Count; a++)
            {
                rewardModel[a, s] = (itemSlotClicks[a, s] + (RewardModelPseudoImpressions * slotCtr))
                    / (itemSlotImpressions[a, s] + RewardModelPseudoImpressions);
            }
        }

        // 3. The learned policies, frozen at the end of training; one decision per distinct viewer context.
        var frozen = state.Candidates(train[^1].Timestamp);
        var decisions = new Dictionary<string, Decision>();
        var policies = new (string Name, string Description)[]
        {
            ("uniform-random", "sanity check: the logging policy itself, every item equally likely in every slot"),
            ("ranker-greedy", "deterministic: the ranker's p-th best item goes to slot p (mean score, no exploration)"),
            ("ranker-softmax", $"Plackett-Luce over the ranker's standardised mean scores, beta = {options.SoftmaxBeta}"),
        };
        var n = test.Length;
        var weights = new double[policies.Length][];
        var direct = new double[policies.Length][];
        var loggedModel = new double[n];
        var rewards = new double[n];
        for (var p = 0; p < policies.Length; p++)
        {
            weights[p] = new double[n];
            direct[p] = new double[n];
        }

        for (var i = 0; i < n; i++)
        {
            var row = test[i];
            var slot = SlotOf(row);
            var key = ObdFeatureState.ContextKey(row);
            if (!decisions.TryGetValue(key, out var decision))
            {
                decision = Decide(ranker, frozen, ObdFeatureState.Viewer(row, items), options.SoftmaxBeta);
                decisions[key] = decision;
            }

            rewards[i] = row.Click;
            loggedModel[i] = rewardModel[row.ItemId, slot];

            // uniform random
            weights[0][i] = (1.0 / items.Count) / row.Propensity;
            direct[0][i] = Enumerable.Range(0, items.Count).Average(a => rewardModel[a, slot]);

            // greedy
            var greedyItem = decision.Greedy[slot];
            weights[1][i] = greedyItem == row.ItemId ? 1.0 / row.Propensity : 0.0;
            direct[1][i] = rewardModel[greedyItem, slot];

            // softmax (Plackett–Luce)
            var marginals = decision.Marginals[slot];
            weights[2][i] = marginals[row.ItemId] / row.Propensity;
            var dm = 0.0;
            for (var a = 0; a < items.Count; a++)
            {
                dm += marginals[a] * rewardModel[a, slot];
            }

            direct[2][i] = dm;
        }

        // 4. Point estimates and a shared seeded bootstrap over test rows.
        var rng = new Random(options.Seed);
        var samples = Math.Max(1, options.BootstrapSamples);
        var replicates = new List<double>[policies.Length, 3];
        for (var p = 0; p < policies.Length; p++)
        {
            for (var e = 0; e < 3; e++)
            {
                replicates[p, e] = new List<double>(samples);
            }
        }

        var loggedReplicates = new List<double>(samples);
        var indices = new int[n];
        for (var b = 0; b < samples; b++)
        {
            for (var i = 0; i < n; i++)
            {
                indices[i] = rng.Next(n);
            }

            loggedReplicates.Add(indices.Average(i => rewards[i]));
            for (var p = 0; p < policies.Length; p++)
            {
                var (ips, snips, dr) = Estimators(weights[p], direct[p], loggedModel, rewards, indices);
                replicates[p, 0].Add(ips);
                replicates[p, 1].Add(snips);
                replicates[p, 2].Add(dr);
            }
        }

        var identity = Enumerable.Range(0, n).ToArray();
        var results = new PolicyResult[policies.Length];
        for (var p = 0; p < policies.Length; p++)
        {
            var (ips, snips, dr) = Estimators(weights[p], direct[p], loggedModel, rewards, identity);
            var sumW = weights[p].Sum();
            var sumW2 = weights[p].Sum(w => w * w);
            results[p] = new PolicyResult(
                policies[p].Name,
                policies[p].Description,
                Bootstrap.Interval(ips, replicates[p, 0]),
                Bootstrap.Interval(snips, replicates[p, 1]),
                Bootstrap.Interval(dr, replicates[p, 2]),
                weights[p].Count(w => w > 0),
                sumW2 > 0 ? sumW * sumW / sumW2 : 0.0);
        }

        var loggedRandom = Bootstrap.Interval(rewards.Average(), loggedReplicates);
        var btsWindow = bts.Where(r => r.Timestamp >= test[0].Timestamp).ToArray();
        if (btsWindow.Length == 0)
        {
            btsWindow = bts.ToArray();
        }

        var loggedBts = Bootstrap.Mean(btsWindow.Select(r => (double)r.Click).ToArray(), samples, rng);
        return new CampaignResult(
            campaign,
            items.Count,
            train.Length,
            train.Sum(r => r.Click),
            test.Length,
            test.Sum(r => r.Click),
            test[0].Timestamp,
            test[^1].Timestamp,
            loggedRandom,
            loggedBts,
            btsWindow.Length,
            results,
            PublishedFigures.For(campaign));
    }

    /// <summary>IPS, SNIPS and DR (clipped to [0, 1]) over the rows listed in <paramref name="rows"/>.</summary>
    /// <param name="weights">Importance weights π(a|x)/p(a|x) per row.</param>
    /// <param name="direct">Σₐ π(a|x)·q̂(x, a) per row.</param>
    /// <param name="loggedModel">q̂(x, logged a) per row.</param>
    /// <param name="rewards">Logged rewards.</param>
    /// <param name="rows">Row indices (a bootstrap resample, or all rows).</param>
    /// <returns>The three estimates.</returns>
    public static (double Ips, double Snips, double Dr) Estimators(
        double[] weights, double[] direct, double[] loggedModel, double[] rewards, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(loggedModel);
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(rows);
        double weighted = 0, weightSum = 0, doublyRobust = 0;
        foreach (var i in rows)
        {
            weighted += weights[i] * rewards[i];
            weightSum += weights[i];
            doublyRobust += direct[i] + (weights[i] * (rewards[i] - loggedModel[i]));
        }

        var count = Math.Max(1, rows.Length);
        var snips = weightSum > 0 ? weighted / weightSum : 0.0;
        return (weighted / count, snips, Math.Clamp(doublyRobust / count, 0.0, 1.0));
    }

    private static int SlotOf(ObdLogRow row) =>
        row.Position is >= 1 and <= Slots
            ? row.Position - 1
            : throw new InvalidDataException($"Position {row.Position} is outside 1..{Slots}.");

    private static Decision Decide(ProductRanker ranker, RankingCandidate[] candidates, ViewerAffinities? viewer, double beta)
    {
        var context = new RankingContext { Viewer = viewer, Explore = false, LocalSellerExposureFloor = 0.0 };
        var ranked = ranker.Rank(candidates, context);
        var scores = new double[candidates.Length];
        foreach (var r in ranked)
        {
            scores[r.CandidateIndex] = r.Score;
        }

        var mean = scores.Average();
        var std = Math.Sqrt(scores.Average(s => (s - mean) * (s - mean)));
        var softmax = scores.Select(s => std > 1e-12 ? Math.Exp(beta * (s - mean) / std) : 1.0).ToArray();
        return new Decision(
            ranked.Take(Slots).Select(r => r.CandidateIndex).ToArray(),
            PlackettLuce.TopThreeMarginals(softmax));
    }

    private sealed record Decision(int[] Greedy, double[][] Marginals);
}
