namespace LiveCommerce.Abstractions.Ranking;

/// <summary>What a silo learned since its last batch: the sufficient statistics of its observations.</summary>
[GenerateSerializer, Immutable, Alias("lc.RankingModelDelta")]
public sealed record RankingModelDelta
{
    /// <summary>Feature vector length d.</summary>
    [Id(0)] public int Dimension { get; init; }

    /// <summary>Σ x·xᵀ over the observations, row-major, d·d values.</summary>
    [Id(1)] public double[] Design { get; init; } = [];

    /// <summary>Σ r·x over the observations, d values.</summary>
    [Id(2)] public double[] Response { get; init; } = [];

    /// <summary>Observations (impressions with their outcome).</summary>
    [Id(3)] public long Observations { get; init; }
}
