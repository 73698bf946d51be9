namespace LiveCommerce.Grains.Ranking;

/// <summary>
/// What a silo learned since its last batch: the sufficient statistics of its observations. Batches are numbered per
/// source (a silo's run), and a source sends its next batch only once the last one was taken, so a batch sent again
/// after a lost answer is recognised and counted once.
/// </summary>
[GenerateSerializer, Immutable, Alias("lc.RankingModelDelta")]
public sealed record RankingModelDelta
{
    /// <summary>Feature vector length d.</summary>
    [Id(0)] public int Dimension { get; init; }

    /// <summary>Σ e·x·xᵀ over the observations (e the examination weight of the position shown), row-major, d·d values.</summary>
    [Id(1)] public double[] Design { get; init; } = [];

    /// <summary>Σ r·x over the observations, d values.</summary>
    [Id(2)] public double[] Response { get; init; } = [];

    /// <summary>Observations (impressions with their outcome).</summary>
    [Id(3)] public long Observations { get; init; }

    /// <summary>Who sent it: unique per silo run.</summary>
    [Id(4)] public string Source { get; init; } = string.Empty;

    /// <summary>The batch's number within its source, from 1, one higher for each batch.</summary>
    [Id(5)] public long Sequence { get; init; }
}
