namespace LiveCommerce.Grains.Ranking;

/// <summary>The last batch the model took from one source.</summary>
/// <param name="Sequence">The batch's number.</param>
/// <param name="At">When it was taken.</param>
[GenerateSerializer, Immutable, Alias("lc.RankingSourceMark")]
public sealed record SourceMark([property: Id(0)] long Sequence, [property: Id(1)] DateTimeOffset At);
