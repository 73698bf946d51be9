using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Bandit;
using LiveCommerce.Ranking.Features;
using LiveCommerce.Ranking.Policy;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Ranking;

/// <summary>
/// The bandit's online feedback on this silo. A ranked list shown to a viewer stays open for one episode: until the
/// stream's pin or offers change, the viewer leaves or joins again, or <see cref="RankingOptions.ListLifetime"/> passes.
/// Within it, list clicks, and the add-to-carts and purchases of products opened from the list, set each position's
/// reward (the deepest funnel step). When the episode ends, every position is folded into a <see cref="ModelBatch"/>,
/// examination-weighted, and a new episode of the same list opens if the viewer is still watching. Batches are numbered
/// and sent by <see cref="RankingSync"/> one at a time; a batch whose answer was lost is sent again unchanged, so the
/// model grain counts it once.
/// </summary>
public sealed class RankingFeedback(IOptions<RankingOptions> options, RankingLog log, TimeProvider time)
{
    /// <summary>
    /// The least examination weight an impression is learned with. A click far down, where the fitted curve says few
    /// viewers look, would otherwise count as dozens of impressions' worth and let one lucky click swing the model; the
    /// clip trades a little bias for much less variance.
    /// </summary>
    public const double MinExamination = 0.25;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string StreamId, string ViewerId), ShownList> _shown = [];
    private readonly double[] _features = new double[FeatureLayout.Dimension];
    private readonly string _source = Guid.NewGuid().ToString("N");
    private ModelBatch _open = new();
    private RankingModelDelta? _pending;
    private long _sequence;

    /// <summary>Lists shown whose episode is still open.</summary>
    public int Open
    {
        get
        {
            lock (_gate)
            {
                return _shown.Count;
            }
        }
    }

    /// <summary>Remembers the list a viewer was shown (closing the episode of the one they had).</summary>
    /// <param name="viewerId">The viewer id (user or connection).</param>
    /// <param name="candidates">The candidates it was ranked from.</param>
    /// <param name="viewer">The viewer's affinities then.</param>
    /// <param name="ranked">The list, in the order shown.</param>
    /// <param name="about">What the ranking log records about it.</param>
    public void Shown(string viewerId, StreamCandidates candidates, ViewerAffinities viewer, IReadOnlyList<RankedProduct> ranked, ShownListLog about)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(about);
        var entry = new ShownList(candidates, viewer, [.. ranked], about, time.GetUtcNow());
        lock (_gate)
        {
            if (_shown.Remove((candidates.StreamId, viewerId), out var previous))
            {
                Fold(previous);
            }

            _shown[(candidates.StreamId, viewerId)] = entry;
        }
    }

    /// <summary>A viewer opened a product card. Only a list click credits the list.</summary>
    /// <param name="viewerId">The viewer id.</param>
    /// <param name="current">The stream's candidates now (they tell the episode).</param>
    /// <param name="productId">The product.</param>
    /// <param name="fromList">Whether the card was opened from the ranked list.</param>
    public void Clicked(string viewerId, StreamCandidates current, string productId, bool fromList)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!fromList)
        {
            return;
        }

        Credit(viewerId, current, productId, EngagementReward.Click, needsClick: false);
    }

    /// <summary>A viewer added a product to the cart; it credits the list only if they opened it from the list.</summary>
    /// <param name="viewerId">The viewer id.</param>
    /// <param name="current">The stream's candidates now.</param>
    /// <param name="productId">The product.</param>
    public void Carted(string viewerId, StreamCandidates current, string productId) =>
        Credit(viewerId, current, productId, EngagementReward.AddToCart, needsClick: true);

    /// <summary>
    /// A viewer's order was confirmed; each line bought from a stream credits that stream's list if the viewer opened the
    /// product from it. Called by the viewer's own hub connection, so it reaches the silo that holds the viewer's list
    /// whichever silo the order ran on.
    /// </summary>
    /// <param name="viewerId">The viewer id.</param>
    /// <param name="lines">Stream and product of each line.</param>
    public void Bought(string viewerId, IEnumerable<(string StreamId, string ProductId)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lock (_gate)
        {
            foreach (var (streamId, productId) in lines)
            {
                if (_shown.TryGetValue((streamId, viewerId), out var shown))
                {
                    shown.Credit(productId, EngagementReward.Purchase, needsClick: true);
                }
            }
        }
    }

    /// <summary>Where a viewer's open list showed a product.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="viewerId">The viewer id.</param>
    /// <param name="productId">The product.</param>
    /// <returns>The 1-based position, or 0 when the viewer has no open list with it.</returns>
    public int PositionOf(string streamId, string viewerId, string productId)
    {
        lock (_gate)
        {
            return _shown.TryGetValue((streamId, viewerId), out var shown) ? Array.IndexOf(shown.Order, productId) + 1 : 0;
        }
    }

    /// <summary>A viewer left a stream: their list's episode ends.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="viewerId">The viewer id.</param>
    public void Left(string streamId, string viewerId)
    {
        lock (_gate)
        {
            if (_shown.Remove((streamId, viewerId), out var left))
            {
                Fold(left);
            }
        }
    }

    /// <summary>
    /// Ends the episodes older than <see cref="RankingOptions.ListLifetime"/> and gives the batch to send: the one not yet
    /// taken by the model grain if there is one (unchanged), else what was learned since.
    /// </summary>
    /// <param name="closeAll">End every open episode (at shutdown).</param>
    /// <returns>The batch, or null when there is nothing to send.</returns>
    public RankingModelDelta? Take(bool closeAll = false)
    {
        var cutoff = time.GetUtcNow() - options.Value.ListLifetime;
        lock (_gate)
        {
            foreach (var (key, shown) in _shown.Where(s => closeAll || s.Value.OpenedAt <= cutoff).ToList())
            {
                _shown.Remove(key);
                Fold(shown);
            }

            if (_pending is not null || _open.IsEmpty)
            {
                return _pending;
            }

            var (design, response) = _open.ToArrays();
            _pending = new RankingModelDelta
            {
                Dimension = _open.Dimension,
                Design = design,
                Response = response,
                Observations = _open.Observations,
                Source = _source,
                Sequence = ++_sequence,
            };
            _open = new ModelBatch();
            return _pending;
        }
    }

    /// <summary>The model grain took <paramref name="delta"/>: the next <see cref="Take"/> gives a new batch.</summary>
    /// <param name="delta">The batch.</param>
    public void Taken(RankingModelDelta delta)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_pending, delta))
            {
                _pending = null;
            }
        }
    }

    private void Credit(string viewerId, StreamCandidates current, string productId, double reward, bool needsClick)
    {
        lock (_gate)
        {
            var key = (current.StreamId, viewerId);
            if (!_shown.TryGetValue(key, out var shown))
            {
                return;
            }

            if (!string.Equals(shown.Candidates.Episode, current.Episode, StringComparison.Ordinal))
            {
                // The pin or the offers changed: the list's episode is over, and the same list opens a new one.
                Fold(shown);
                shown = new ShownList(current, shown.Viewer, shown.Ranked, shown.About, time.GetUtcNow());
                _shown[key] = shown;
            }

            shown.Credit(productId, reward, needsClick);
        }
    }

    private void Fold(ShownList shown)
    {
        for (var i = 0; i < shown.Order.Length; i++)
        {
            var productId = shown.Order[i];
            var position = i + 1;
            if (!shown.Candidates.TryGetIndex(productId, out var index))
            {
                continue;
            }

            CandidateFeaturizer.Featurize(shown.Candidates.Candidates[index], shown.Candidates.Summary, shown.Viewer, position, _features);
            _open.Add(_features, Math.Max(MinExamination, shown.Candidates.Curve.Weight(position)), shown.Rewards.GetValueOrDefault(productId));
        }

        log.Append(LogOf(shown));
    }

    private static RankedListLog LogOf(ShownList shown)
    {
        // Items go in the candidate order the list was drawn in (the draw's randomness is tied to it), each with its shown position.
        var items = new RankedListItem[shown.Ranked.Length];
        var clicks = new List<int>();
        var carts = new List<int>();
        var byCandidate = shown.Ranked.Select((entry, i) => (Entry: entry, Position: i + 1)).OrderBy(x => x.Entry.CandidateIndex).ToArray();
        for (var i = 0; i < byCandidate.Length; i++)
        {
            var (entry, position) = byCandidate[i];
            shown.Candidates.TryGetIndex(entry.ProductId, out var index);
            items[i] = new RankedListItem
            {
                ProductId = entry.ProductId,
                SellerKind = index < shown.Candidates.Candidates.Length ? shown.Candidates.Candidates[index].SellerKind : null,
                Score = entry.Score,
                Position = position,
                ChoiceProbability = entry.ChoiceProbability,
            };
        }

        for (var i = 0; i < shown.Ranked.Length; i++)
        {
            var entry = shown.Ranked[i];
            var reward = shown.Rewards.GetValueOrDefault(entry.ProductId);
            if (reward >= EngagementReward.Click)
            {
                clicks.Add(i + 1);
            }

            if (reward >= EngagementReward.AddToCart)
            {
                carts.Add(i + 1);
            }
        }

        return new RankedListLog
        {
            ListId = shown.About.ListId,
            StreamId = shown.Candidates.StreamId,
            ViewerId = shown.About.UserId,
            At = shown.OpenedAt,
            ModelVersion = shown.About.ModelVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Temperature = shown.About.Temperature,
            Floor = shown.About.Floor,
            Items = items,
            Clicks = clicks,
            Carts = carts,
            Reward = clicks.Count,
        };
    }

    private sealed class ShownList(StreamCandidates candidates, ViewerAffinities viewer, RankedProduct[] ranked, ShownListLog about, DateTimeOffset openedAt)
    {
        public StreamCandidates Candidates { get; } = candidates;

        public ViewerAffinities Viewer { get; } = viewer;

        public RankedProduct[] Ranked { get; } = ranked;

        public ShownListLog About { get; } = about;

        public string[] Order { get; } = [.. ranked.Select(r => r.ProductId)];

        public DateTimeOffset OpenedAt { get; } = openedAt;

        public Dictionary<string, double> Rewards { get; } = new(StringComparer.Ordinal);

        public void Credit(string productId, double reward, bool needsClick)
        {
            var current = Rewards.GetValueOrDefault(productId);
            if ((!needsClick || current >= EngagementReward.Click) && Array.IndexOf(Order, productId) >= 0)
            {
                Rewards[productId] = Math.Max(current, reward);
            }
        }
    }
}
