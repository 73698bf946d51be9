using Orleans;

namespace LiveCommerce.Ranking.Bandit;

/// <summary>
/// Plain, serializer-friendly state of a <see cref="LinUcbModel"/> (numbers and arrays of doubles only),
/// for the engine to persist and send between silos (it is the shared model grain's state and answer). Restoring it
/// with <see cref="LinUcbModel.Import"/> gives a model whose scores are bit-for-bit those of the exported one.
/// A snapshot of <see cref="Dimension"/> 0 is a model that has not learned anything yet.
/// </summary>
[GenerateSerializer, Immutable, Alias("lc.LinUcbSnapshot")]
public sealed record LinUcbSnapshot
{
    /// <summary>Format version of the snapshot.</summary>
    [Id(0)] public int Version { get; init; } = 1;

    /// <summary>Length d of the feature vector.</summary>
    [Id(1)] public int Dimension { get; init; }

    /// <summary>Exploration weight α of the upper confidence bound.</summary>
    [Id(2)] public double Alpha { get; init; }

    /// <summary>Ridge λ: the model starts from A = λI, b = 0.</summary>
    [Id(3)] public double Ridge { get; init; }

    /// <summary>Number of <see cref="LinUcbModel.Update"/> calls folded into the state.</summary>
    [Id(4)] public long UpdateCount { get; init; }

    /// <summary>Design matrix A = λI + Σ w·x·xᵀ, row-major, d·d values.</summary>
    [Id(5)] public double[] DesignMatrix { get; init; } = [];

    /// <summary>Inverse of <see cref="DesignMatrix"/>, row-major, d·d values (kept so restores are exact).</summary>
    [Id(6)] public double[] InverseDesignMatrix { get; init; } = [];

    /// <summary>Response vector b = Σ w·r·x, d values.</summary>
    [Id(7)] public double[] Response { get; init; } = [];
}
