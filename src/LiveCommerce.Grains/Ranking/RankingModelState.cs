using LiveCommerce.Ranking.Bandit;

namespace LiveCommerce.Grains.Ranking;

/// <summary>Persistent state of <see cref="RankingModelGrain"/>.</summary>
[GenerateSerializer, Alias("lc.RankingModelState")]
public sealed class RankingModelState
{
    /// <summary>The model, or null before the first batch.</summary>
    [Id(0)] public LinUcbSnapshot? Model { get; set; }

    /// <summary>The last batch taken from each source, with when it was taken (sources unheard of for a day are forgotten).</summary>
    [Id(1)] public Dictionary<string, SourceMark> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the model last forgot part of its evidence (see <see cref="RankingModelOptions.ModelHalfLife"/>).</summary>
    [Id(2)] public DateTimeOffset DecayedAt { get; set; }
}
