using LiveCommerce.Abstractions.Ranking;

namespace LiveCommerce.Grains.Ranking;

/// <summary>Persistent state of <see cref="RankingModelGrain"/>.</summary>
[GenerateSerializer, Alias("lc.RankingModelState")]
public sealed class RankingModelState
{
    /// <summary>The model, or null before the first batch.</summary>
    [Id(0)] public RankingModelSnapshot? Model { get; set; }
}
