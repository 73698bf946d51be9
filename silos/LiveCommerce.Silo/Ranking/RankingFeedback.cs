using LiveCommerce.Abstractions.Ranking;
using LiveCommerce.Engagement;
using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Features;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Silo.Ranking;

/// <summary>
/// The bandit's online feedback on this silo. When a viewer is shown a ranked list, the first
/// <see cref="RankingOptions.LearnFromTopPositions"/> products are remembered with the features they were shown
/// with; the viewer's clicks, add-to-carts and purchases of that stream (seen as the recorder records them) set
/// each one's reward (<see cref="EngagementReward"/>: the deepest funnel step). When the viewer leaves, joins
/// again, or the <see cref="RankingOptions.FeedbackWindow"/> passes, the impressions are folded into Σ x·xᵀ and
/// Σ r·x, which <see cref="RankingSync"/> sends to the shared model grain as one batch.
/// </summary>
public sealed class RankingFeedback(IOptions<RankingOptions> options, TimeProvider time) : IEngagementObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string StreamId, string ViewerId), ShownList> _shown = [];
    private readonly double[] _features = new double[FeatureLayout.Dimension];
    private double[] _design = new double[FeatureLayout.Dimension * FeatureLayout.Dimension];
    private double[] _response = new double[FeatureLayout.Dimension];
    private long _observations;

    /// <summary>Lists shown whose outcome is still open.</summary>
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

    /// <summary>Remembers the list a viewer was shown.</summary>
    /// <param name="viewerId">The viewer id (user or connection).</param>
    /// <param name="candidates">The candidates it was ranked from.</param>
    /// <param name="viewer">The viewer's affinities then.</param>
    /// <param name="ranked">The ranked list.</param>
    public void Shown(string viewerId, StreamCandidates candidates, ViewerAffinities viewer, IReadOnlyList<RankedProduct> ranked)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ranked);
        var top = new HashSet<int>(ranked.Take(options.Value.LearnFromTopPositions).Select(r => r.CandidateIndex));
        var entry = new ShownList(candidates, viewer, top, time.GetUtcNow());
        lock (_gate)
        {
            if (_shown.Remove((candidates.StreamId, viewerId), out var previous))
            {
                Fold(previous);
            }

            _shown[(candidates.StreamId, viewerId)] = entry;
        }
    }

    /// <inheritdoc />
    public void OnRecorded(in EngagementEvent engagement)
    {
        if (engagement.ViewerId is null)
        {
            return;
        }

        var reward = engagement.Kind switch
        {
            EngagementKind.Click => EngagementReward.Click,
            EngagementKind.AddToCart => EngagementReward.AddToCart,
            EngagementKind.Purchase => EngagementReward.Purchase,
            _ => -1.0,
        };
        lock (_gate)
        {
            if (engagement.Kind == EngagementKind.Leave)
            {
                if (_shown.Remove((engagement.StreamId, engagement.ViewerId), out var left))
                {
                    Fold(left);
                }

                return;
            }

            if (reward < 0 || engagement.ProductId is null
                || !_shown.TryGetValue((engagement.StreamId, engagement.ViewerId), out var shown)
                || !shown.Candidates.TryGetIndex(engagement.ProductId, out var index))
            {
                return;
            }

            shown.Rewards[index] = Math.Max(shown.Rewards.GetValueOrDefault(index), reward);
        }
    }

    /// <summary>Closes the lists whose window passed and takes what was learned since the last call.</summary>
    /// <param name="closeAll">Close every open list (at shutdown).</param>
    /// <returns>The batch, or null when nothing was learned.</returns>
    public RankingModelDelta? Take(bool closeAll = false)
    {
        var cutoff = time.GetUtcNow() - options.Value.FeedbackWindow;
        lock (_gate)
        {
            foreach (var (key, shown) in _shown.Where(s => closeAll || s.Value.At <= cutoff).ToList())
            {
                _shown.Remove(key);
                Fold(shown);
            }

            if (_observations == 0)
            {
                return null;
            }

            var delta = new RankingModelDelta
            {
                Dimension = FeatureLayout.Dimension,
                Design = _design,
                Response = _response,
                Observations = _observations,
            };
            _design = new double[_design.Length];
            _response = new double[_response.Length];
            _observations = 0;
            return delta;
        }
    }

    /// <summary>Puts back a batch the model grain did not take, so it goes with the next one.</summary>
    /// <param name="delta">The batch.</param>
    public void Return(RankingModelDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        lock (_gate)
        {
            for (var i = 0; i < _design.Length; i++)
            {
                _design[i] += delta.Design[i];
            }

            for (var i = 0; i < _response.Length; i++)
            {
                _response[i] += delta.Response[i];
            }

            _observations += delta.Observations;
        }
    }

    private void Fold(ShownList shown)
    {
        foreach (var index in shown.Top.Union(shown.Rewards.Keys))
        {
            var reward = shown.Rewards.GetValueOrDefault(index);
            CandidateFeaturizer.Featurize(shown.Candidates.Candidates[index], shown.Candidates.Summary, shown.Viewer, _features);
            var d = _features.Length;
            for (var r = 0; r < d; r++)
            {
                var xr = _features[r];
                if (xr == 0)
                {
                    continue;
                }

                _response[r] += reward * xr;
                for (var c = 0; c < d; c++)
                {
                    _design[(r * d) + c] += xr * _features[c];
                }
            }

            _observations++;
        }
    }

    private sealed class ShownList(StreamCandidates candidates, ViewerAffinities viewer, HashSet<int> top, DateTimeOffset at)
    {
        public StreamCandidates Candidates { get; } = candidates;

        public ViewerAffinities Viewer { get; } = viewer;

        public HashSet<int> Top { get; } = top;

        public DateTimeOffset At { get; } = at;

        public Dictionary<int, double> Rewards { get; } = [];
    }
}
