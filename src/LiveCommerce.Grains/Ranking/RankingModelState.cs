using LiveCommerce.Abstractions.Ranking;

namespace LiveCommerce.Grains.Ranking;

/// <summary>Persistent state of <see cref="RankingModelGrain"/>.</summary>
[GenerateSerializer, Alias("lc.RankingModelState")]
public sealed class RankingModelState
{
    /// <summary>The model, or null before the first batch.</summary>
    [Id(0)] public RankingModelSnapshot? Model { get; set; }

    /// <summary>The last batch taken from each source, with when it was taken (sources unheard of for a day are forgotten).</summary>
    [Id(1)] public Dictionary<string, SourceMark> Sources { get; set; } = new(StringComparer.Ordinal);
}
