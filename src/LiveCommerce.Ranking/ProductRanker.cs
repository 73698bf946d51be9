using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Bandit;
using LiveCommerce.Ranking.Fairness;
using LiveCommerce.Ranking.Features;
using LiveCommerce.Ranking.Policy;
using LiveCommerce.Ranking.Reasons;

namespace LiveCommerce.Ranking;

/// <summary>
/// The ranker the engine calls: scores a stream snapshot's candidates with the <see cref="LinUcbModel"/>,
/// applies the local-seller exposure floor (<see cref="FairExposureReRanker"/>), and explains next-pin
/// suggestions (<see cref="ReasonBuilder"/>). Learning is <see cref="Update(RankingCandidate, in StreamSummary, ViewerAffinities?, int, double)"/>.
/// <para>
/// Thread-safety: not thread-safe — the ranker reuses scratch buffers between calls and the model is
/// mutable. Use one instance per grain (Orleans runs a grain's turns one at a time) or serialise calls with a lock.
/// </para>
/// <para>
/// Performance: <see cref="Rank(IReadOnlyList{RankingCandidate}, RankingContext, Span{int})"/> does not allocate
/// once its buffers have grown to the list size; the other overloads allocate only their result. The viewer-independent
/// features of the last <see cref="KeptSnapshots"/> snapshots ranked are kept (a snapshot is recognised by holding the
/// same candidate objects in the same order), so a stream's candidate array, shared by every viewer who joins, is
/// featurized once; each call then only looks up its viewer's affinities and runs the model over all candidates at once.
/// The kept snapshots hold on to their candidate objects until they are replaced.
/// </para>
/// </summary>
public sealed class ProductRanker
{
    /// <summary>
    /// A fixed part of every score: this weight times the product's examination-corrected click rate feature
    /// (<see cref="FeatureLayout.Attractiveness"/>). The stream's own evidence about a product, corrected for where it was
    /// shown, is the most reliable signal there is; the learned model adds to it (personal affinities, carts, trend) but
    /// cannot, from a few hundred noisy lists, turn it upside down.
    /// </summary>
    public const double AttractivenessAnchor = 0.3;

    /// <summary>Snapshots whose per-candidate features are kept between calls (a silo ranks several streams in turn).</summary>
    private const int KeptSnapshots = 4;

    /// <summary>Up to this many suggestions are picked from the scores without sorting them all.</summary>
    private const int SelectedSuggestions = 16;

    private readonly double[] _features = new double[FeatureLayout.Dimension];
    private readonly int[] _activeFeatures = new int[FeatureLayout.Dimension];
    private readonly CandidateTable?[] _tables = new CandidateTable?[KeptSnapshots];
    private long _clock;
    private double[] _scores = [];
    private double[] _sortKeys = [];
    private int[] _scoreOrder = [];
    private int[] _fairOrder = [];
    private int[] _scoreRank = [];
    private double[] _choices = [];
    private ViewerHistory[] _productHistory = [];
    private ViewerHistory[] _categoryHistory = [];
    private readonly StochasticRankingPolicy _policy = new();

    /// <summary>Creates a ranker.</summary>
    /// <param name="model">The bandit; a new one with default α and λ and <see cref="FeatureLayout.PriorMean"/> when <see langword="null"/>.</param>
    /// <param name="options">Reason thresholds; <see cref="RankerOptions.Default"/> when <see langword="null"/>.</param>
    public ProductRanker(LinUcbModel? model = null, RankerOptions? options = null)
    {
        Model = model ?? new LinUcbModel(priorMean: FeatureLayout.PriorMean);
        if (Model.Dimension != FeatureLayout.Dimension)
        {
            throw new ArgumentException($"The model must have dimension {FeatureLayout.Dimension}.", nameof(model));
        }

        Options = options ?? RankerOptions.Default;
    }

    /// <summary>The bandit (export its state with <see cref="LinUcbModel.ExportSnapshot"/>).</summary>
    public LinUcbModel Model { get; }

    /// <summary>Reason thresholds.</summary>
    public RankerOptions Options { get; }

    /// <summary>
    /// Ranks a viewer's list without allocating: writes candidate indices, best first, into <paramref name="destination"/>.
    /// </summary>
    /// <param name="candidates">The stream snapshot (the products the engine wants shown).</param>
    /// <param name="context">Viewer, exposure floor and exploration switch.</param>
    /// <param name="destination">At least <c>candidates.Count</c> long.</param>
    /// <returns>The number of indices written (<c>candidates.Count</c>).</returns>
    public int Rank(IReadOnlyList<RankingCandidate> candidates, RankingContext context, Span<int> destination)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(context);
        var n = candidates.Count;
        if (destination.Length < n)
        {
            throw new ArgumentException("Destination is shorter than the candidate list.", nameof(destination));
        }

        // A drawn order does not start from the score order, so the span path skips sorting for it.
        var table = ScoreAll(candidates, context.Viewer, context.Explore, sort: !(context.Temperature > 0));
        Order(table, context, destination);
        return n;
    }

    /// <summary>Ranks a viewer's list: personalised by <see cref="RankingContext.Viewer"/>, with the exposure floor applied.</summary>
    /// <param name="candidates">The stream snapshot (the products the engine wants shown).</param>
    /// <param name="context">Viewer, exposure floor and exploration switch; <see cref="RankingContext.Default"/> when <see langword="null"/>.</param>
    /// <returns>Every candidate, best first.</returns>
    public RankedProduct[] Rank(IReadOnlyList<RankingCandidate> candidates, RankingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        context ??= RankingContext.Default;
        var table = ScoreAll(candidates, context.Viewer, context.Explore, sort: true);
        Order(table, context, _fairOrder);
        return BuildResult(candidates, table.Count);
    }

    /// <summary>
    /// Suggests what the creator should pin next, best first, each with typed reasons. The score is the model's mean
    /// expected reward for the whole audience (no viewer, no exploration bonus): pinning is advice to a person, not an
    /// experiment. Products pinned right now and sold-out products are skipped. The exposure floor is not applied here:
    /// it shapes what viewers are shown, and a suggestion shows nothing by itself.
    /// </summary>
    /// <param name="candidates">The stream snapshot.</param>
    /// <param name="count">Maximum number of suggestions.</param>
    /// <param name="context">Exploration is ignored; <see cref="RankingContext.Default"/> when <see langword="null"/>.</param>
    /// <returns>Up to <paramref name="count"/> suggestions.</returns>
    public IReadOnlyList<PinSuggestion> Suggest(IReadOnlyList<RankingCandidate> candidates, int count = 3, RankingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        context ??= RankingContext.Default;
        // A few suggestions are picked from the scores directly; sorting all of them costs more than the rest of the call.
        var select = count <= SelectedSuggestions;
        var table = ScoreAll(candidates, viewer: null, explore: false, sort: !select);
        var stream = table.Summary;
        var n = table.Count;
        var result = new List<PinSuggestion>(Math.Min(count, n));
        if (select)
        {
            Span<int> best = stackalloc int[count];
            var found = SelectSuggestions(table, best);
            foreach (var index in best[..found])
            {
                var c = candidates[index];
                result.Add(new PinSuggestion(c.ProductId, _scores[index], ReasonBuilder.Build(c, stream, Options, context.Explore)));
            }

            return result;
        }

        for (var i = 0; i < n && result.Count < count; i++)
        {
            var index = _scoreOrder[i];
            var c = candidates[index];
            if (table.Suggestible[index])
            {
                result.Add(new PinSuggestion(c.ProductId, _scores[index], ReasonBuilder.Build(c, stream, Options, context.Explore)));
            }
        }

        return result;
    }

    /// <summary>Scores one candidate (UCB or mean, per <paramref name="context"/>).</summary>
    /// <param name="candidate">The product.</param>
    /// <param name="stream">The stream yardstick of its snapshot.</param>
    /// <param name="context">Viewer and exploration switch.</param>
    /// <returns>The score.</returns>
    public double Score(RankingCandidate candidate, in StreamSummary stream, RankingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CandidateFeaturizer.Featurize(candidate, stream, context.Viewer, _features);
        var score = Model.Score(_features, context.Explore) + (AttractivenessAnchor * _features[FeatureLayout.Attractiveness]);
        return context.Viewer is { } viewer ? score + viewer.PersonalShift(candidate, Model.PredictMean(_features)) : score;
    }

    /// <summary>
    /// Learns from one impression's outcome. Pass the candidate and stream summary as they were when the product
    /// was shown (the features the decision was based on), and the reward from <see cref="EngagementReward"/>.
    /// </summary>
    /// <param name="candidate">The product as shown.</param>
    /// <param name="stream">The stream yardstick at that time.</param>
    /// <param name="viewer">The viewer it was shown to, if known.</param>
    /// <param name="position">The 1-based position it was shown at.</param>
    /// <param name="reward">The observed reward.</param>
    public void Update(RankingCandidate candidate, in StreamSummary stream, ViewerAffinities? viewer, int position, double reward)
    {
        CandidateFeaturizer.Featurize(candidate, stream, viewer, position, _features);
        var weight = Examination.Weight(Math.Max(1, position));
        Model.Update(_features, reward / weight, weight);
    }

    /// <summary>
    /// Scores every candidate into <see cref="_scores"/> (NaN as −∞) and, when <paramref name="sort"/>, puts the score
    /// order into <see cref="_scoreOrder"/>. The scores are those of <see cref="Score"/>, bit for bit: the features come
    /// from the same featurizer (kept per snapshot, see <see cref="CandidateTable"/>) and the model's arithmetic is the
    /// same, several candidates at a time (<see cref="LinUcbBatch"/>).
    /// </summary>
    private CandidateTable ScoreAll(IReadOnlyList<RankingCandidate> candidates, ViewerAffinities? viewer, bool explore, bool sort)
    {
        var table = TableFor(candidates);
        var n = table.Count;
        var stride = table.Stride;
        EnsureCapacity(stride);
        var columns = table.Columns;
        var active = _activeFeatures.AsSpan(0, table.ResolveAffinities(viewer, _activeFeatures));
        var scores = _scores.AsSpan(0, n);
        if (!LinUcbBatch.TryScore(Model, columns, stride, n, active, explore, _scores))
        {
            for (var i = 0; i < n; i++)
            {
                for (var f = 0; f < FeatureLayout.Dimension; f++)
                {
                    _features[f] = columns[(f * stride) + i];
                }

                scores[i] = Model.Score(_features, explore);
            }
        }

        var attractiveness = columns.AsSpan(FeatureLayout.Attractiveness * stride, n);
        for (var i = 0; i < n; i++)
        {
            scores[i] += AttractivenessAnchor * attractiveness[i];
        }

        if (viewer is not null && table.ResolveHistory(viewer, _productHistory, _categoryHistory))
        {
            // The viewer's own looks and clicks, on top of the model's mean for them (see PersonalEstimate).
            for (var i = 0; i < n; i++)
            {
                for (var f = 0; f < FeatureLayout.Dimension; f++)
                {
                    _features[f] = columns[(f * stride) + i];
                }

                scores[i] += PersonalEstimate.Shift(Model.PredictMean(_features), _productHistory[i], _categoryHistory[i], viewer.Overall);
            }
        }

        for (var i = 0; i < n; i++)
        {
            scores[i] = double.IsNaN(scores[i]) ? double.NegativeInfinity : scores[i];
        }

        if (sort)
        {
            for (var i = 0; i < n; i++)
            {
                _scoreOrder[i] = i;
                _sortKeys[i] = -scores[i];
            }

            SortByScoreDescending(n);
        }

        return table;
    }

    /// <summary>The kept description of <paramref name="candidates"/>, built now if it is not one of the last few snapshots ranked.</summary>
    private CandidateTable TableFor(IReadOnlyList<RankingCandidate> candidates)
    {
        _clock++;
        var replace = 0;
        for (var t = 0; t < _tables.Length; t++)
        {
            var table = _tables[t];
            if (table is null)
            {
                replace = t;
                break;
            }

            if (table.Holds(candidates))
            {
                table.LastUse = _clock;
                return table;
            }

            if (table.LastUse < _tables[replace]!.LastUse)
            {
                replace = t;
            }
        }

        var built = _tables[replace] ??= new CandidateTable();
        built.Build(candidates);
        built.LastUse = _clock;
        return built;
    }

    /// <summary>
    /// The best <c>best.Length</c> candidates that may be suggested, in the score order (score descending, ties by
    /// lower index): the first ones the sorted walk would find, chosen by insertion into a short list instead.
    /// </summary>
    /// <returns>How many were found.</returns>
    private int SelectSuggestions(CandidateTable table, Span<int> best)
    {
        var scores = _scores;
        var suggestible = table.Suggestible;
        var found = 0;
        for (var i = 0; i < table.Count; i++)
        {
            if (!suggestible[i])
            {
                continue;
            }

            // Candidates come in index order, so one that only equals the last kept one ranks below it.
            var score = scores[i];
            if (found == best.Length && (found == 0 || !(score > scores[best[found - 1]])))
            {
                continue;
            }

            var at = found == best.Length ? found - 1 : found++;
            while (at > 0 && score > scores[best[at - 1]])
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = i;
        }

        return found;
    }

    /// <summary>
    /// Sorts <see cref="_scoreOrder"/> by score, highest first, ties by lower candidate index so the order is
    /// deterministic. Array.Sort on primitive keys does not allocate; equal-score runs are then put in index order.
    /// </summary>
    private void SortByScoreDescending(int n)
    {
        Array.Sort(_sortKeys, _scoreOrder, 0, n);
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && _sortKeys[end] == _sortKeys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(_scoreOrder, start, end - start);
            }

            start = end;
        }
    }

    /// <summary>
    /// The shown order: the score order, or with <see cref="RankingContext.Temperature"/> above 0 a Plackett–Luce draw
    /// over the scores with the list's seed; then the exposure floor. Choice probabilities land in <see cref="_choices"/>.
    /// </summary>
    private void Order(CandidateTable table, RankingContext context, Span<int> destination)
    {
        var n = table.Count;
        var kinds = table.Kinds.AsSpan(0, n);
        if (context.Temperature > 0)
        {
            _policy.Rank(_scores.AsSpan(0, n), kinds, context.Temperature, context.LocalSellerExposureFloor, context.Seed, destination, _choices.AsSpan(0, n));
            return;
        }

        _choices.AsSpan(0, n).Fill(1.0);
        FairExposureReRanker.Apply(_scoreOrder.AsSpan(0, n), kinds, context.LocalSellerExposureFloor, destination);
    }

    private RankedProduct[] BuildResult(IReadOnlyList<RankingCandidate> candidates, int n)
    {
        // _scoreOrder still holds the pure score order: invert it to report each product's score rank.
        var scoreRank = _scoreRank;
        for (var r = 0; r < n; r++)
        {
            scoreRank[_scoreOrder[r]] = r;
        }

        var result = new RankedProduct[n];
        for (var i = 0; i < n; i++)
        {
            var index = _fairOrder[i];
            result[i] = new RankedProduct(candidates[index].ProductId, index, _scores[index], scoreRank[index]) { ChoiceProbability = _choices[index] };
        }

        return result;
    }

    private void EnsureCapacity(int n)
    {
        if (_scores.Length >= n)
        {
            return;
        }

        var size = Math.Max(n, 16);
        _scores = new double[size];
        _sortKeys = new double[size];
        _scoreOrder = new int[size];
        _fairOrder = new int[size];
        _scoreRank = new int[size];
        _choices = new double[size];
        _productHistory = new ViewerHistory[size];
        _categoryHistory = new ViewerHistory[size];
    }
}
