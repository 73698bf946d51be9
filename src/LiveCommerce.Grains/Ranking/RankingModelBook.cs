using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Ranking.Bandit;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Grains.Ranking;

/// <summary>
/// The rules of the shared model, without a cluster: a batch is taken once per source and sequence, the evidence decays
/// with a half-life, and a batch adds exactly what its observations one by one would have added. Every method returns a
/// new state and leaves the one it was given untouched, so a grain whose write fails still holds the state it had.
/// </summary>
public static class RankingModelBook
{
    /// <summary>How long a source that sends nothing is remembered.</summary>
    public static readonly TimeSpan SourceMemory = TimeSpan.FromDays(1);

    /// <summary>Whether <paramref name="delta"/> was already taken.</summary>
    /// <param name="state">The state.</param>
    /// <param name="delta">The batch.</param>
    /// <returns>True when its source's last taken batch is this one or a later one.</returns>
    public static bool AlreadyTaken(RankingModelState state, RankingModelDelta delta)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(delta);
        return state.Sources.TryGetValue(delta.Source, out var mark) && mark.Sequence >= delta.Sequence;
    }

    /// <summary>Checks a batch: the model's dimension, a source, a sequence, finite sums.</summary>
    /// <param name="delta">The batch.</param>
    /// <exception cref="LiveCommerceException">The batch is malformed.</exception>
    public static void Validate(RankingModelDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var d = FeatureLayout.Dimension;
        if (delta.Dimension != d || delta.Design is null || delta.Design.Length != d * d || delta.Response is null || delta.Response.Length != d
            || delta.Observations < 0 || string.IsNullOrEmpty(delta.Source) || delta.Sequence < 1
            || !delta.Design.All(double.IsFinite) || !delta.Response.All(double.IsFinite))
        {
            throw LiveCommerceException.Invalid($"A ranking model batch must have dimension {d}, a source, a sequence from 1 and finite sums.");
        }
    }

    /// <summary>The state after taking <paramref name="delta"/> at <paramref name="now"/>.</summary>
    /// <param name="state">The state now (not changed).</param>
    /// <param name="delta">A valid batch not yet taken.</param>
    /// <param name="now">The time.</param>
    /// <param name="halfLife">The evidence half-life.</param>
    /// <returns>The new state.</returns>
    public static RankingModelState Take(RankingModelState state, RankingModelDelta delta, DateTimeOffset now, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(state);
        Validate(delta);
        var model = Current(state);
        model.Decay(DecayFactor(state.Model is null ? now : state.DecayedAt, now, halfLife), FeatureLayout.PriorMean);
        var snapshot = model.ExportSnapshot();
        var design = snapshot.DesignMatrix;
        var response = snapshot.Response;
        for (var i = 0; i < design.Length; i++)
        {
            design[i] += delta.Design[i];
        }

        for (var i = 0; i < response.Length; i++)
        {
            response[i] += delta.Response[i];
        }

        var next = LinUcbModel.Import(snapshot with { DesignMatrix = design, Response = response, InverseDesignMatrix = [], UpdateCount = snapshot.UpdateCount + delta.Observations });
        var sources = new Dictionary<string, SourceMark>(StringComparer.Ordinal);
        foreach (var (source, mark) in state.Sources)
        {
            if (now - mark.At < SourceMemory)
            {
                sources[source] = mark;
            }
        }

        sources[delta.Source] = new SourceMark(delta.Sequence, now);
        return new RankingModelState { Model = next.ExportSnapshot(), Sources = sources, DecayedAt = now };
    }

    /// <summary>The model of <paramref name="state"/>, or an untrained one.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The model.</returns>
    public static LinUcbModel Current(RankingModelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Model is { Dimension: var d } stored && d == FeatureLayout.Dimension
            ? LinUcbModel.Import(stored)
            : new LinUcbModel(priorMean: FeatureLayout.PriorMean);
    }

    /// <summary>The snapshot of <paramref name="state"/>: an untrained model (dimension 0) before the first batch.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The snapshot.</returns>
    public static LinUcbSnapshot Snapshot(RankingModelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Model is { Dimension: var d } stored && d == FeatureLayout.Dimension ? stored : new LinUcbSnapshot();
    }

    /// <summary><c>0.5^(elapsed / halfLife)</c>; 1 when no time passed or the half-life is not positive.</summary>
    /// <param name="since">When the model last decayed.</param>
    /// <param name="now">Now.</param>
    /// <param name="halfLife">The half-life.</param>
    /// <returns>The factor in (0, 1].</returns>
    public static double DecayFactor(DateTimeOffset since, DateTimeOffset now, TimeSpan halfLife)
    {
        var elapsed = now - since;
        return elapsed <= TimeSpan.Zero || halfLife <= TimeSpan.Zero ? 1.0 : Math.Max(1e-6, Math.Pow(0.5, elapsed / halfLife));
    }
}
