namespace LiveCommerce.Ranking.Bandit;

/// <summary>
/// Plain, serializer-friendly state of a <see cref="LinUcbModel"/> (numbers and arrays of doubles only),
/// for the engine to persist (JSON, MessagePack, an Orleans surrogate, ...). Restoring it with
/// <see cref="LinUcbModel.Import"/> gives a model whose scores are bit-for-bit those of the exported one.
/// </summary>
public sealed record LinUcbSnapshot
{
    /// <summary>Format version of the snapshot.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Length d of the feature vector.</summary>
    public int Dimension { get; init; }

    /// <summary>Exploration weight α of the upper confidence bound.</summary>
    public double Alpha { get; init; }

    /// <summary>Ridge λ: the model starts from A = λI, b = 0.</summary>
    public double Ridge { get; init; }

    /// <summary>Number of <see cref="LinUcbModel.Update"/> calls folded into the state.</summary>
    public long UpdateCount { get; init; }

    /// <summary>Design matrix A = λI + Σ w·x·xᵀ, row-major, d·d values.</summary>
    public double[] DesignMatrix { get; init; } = [];

    /// <summary>Inverse of <see cref="DesignMatrix"/>, row-major, d·d values (kept so restores are exact).</summary>
    public double[] InverseDesignMatrix { get; init; } = [];

    /// <summary>Response vector b = Σ w·r·x, d values.</summary>
    public double[] Response { get; init; } = [];
}
