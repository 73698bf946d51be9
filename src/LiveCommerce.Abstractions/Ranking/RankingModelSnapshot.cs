namespace LiveCommerce.Abstractions.Ranking;

/// <summary>The stored state of the ranker's LinUCB model (mirrors the ranking library's snapshot, for Orleans).</summary>
[GenerateSerializer, Immutable, Alias("lc.RankingModelSnapshot")]
public sealed record RankingModelSnapshot
{
    /// <summary>Feature vector length d; 0 for a model that has not learned anything yet.</summary>
    [Id(0)] public int Dimension { get; init; }

    /// <summary>Exploration weight α.</summary>
    [Id(1)] public double Alpha { get; init; }

    /// <summary>Ridge λ.</summary>
    [Id(2)] public double Ridge { get; init; }

    /// <summary>Observations folded in so far.</summary>
    [Id(3)] public long UpdateCount { get; init; }

    /// <summary>A = λI + Σ x·xᵀ, row-major.</summary>
    [Id(4)] public double[] DesignMatrix { get; init; } = [];

    /// <summary>A⁻¹, row-major.</summary>
    [Id(5)] public double[] InverseDesignMatrix { get; init; } = [];

    /// <summary>b = Σ r·x.</summary>
    [Id(6)] public double[] Response { get; init; } = [];

    /// <summary>Batches folded in so far (changes whenever the model does).</summary>
    [Id(7)] public long Version { get; init; }

    /// <summary>When the model last forgot part of its evidence (see the grain's half-life).</summary>
    [Id(8)] public DateTimeOffset DecayedAt { get; init; }
}
