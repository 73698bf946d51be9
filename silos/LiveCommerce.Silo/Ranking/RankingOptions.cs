using System.ComponentModel.DataAnnotations;

namespace LiveCommerce.Silo.Ranking;

/// <summary>How the engine ranks products and learns (configuration section <c>Ranking</c>).</summary>
public sealed class RankingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Ranking";

    /// <summary>
    /// Share of <c>local-sme</c> products every prefix of length k ≥ 3 of a ranked list must hold (⌊floor·k⌋, when
    /// enough exist), 0 to 1. Default 0.3. Validated at start.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LocalSellerExposureFloor { get; set; } = LiveCommerce.Ranking.FairExposureDefaults.Floor;

    /// <summary>Rank by the upper confidence bound (explore new products) rather than the mean. Default true.</summary>
    public bool Explore { get; set; } = true;

    /// <summary>Name of the shared model grain. Default <c>global</c>.</summary>
    [Required]
    public string ModelName { get; set; } = "global";

    /// <summary>How long a stream's candidate figures are reused before they are read again. Default 1 s.</summary>
    public TimeSpan CandidateCacheDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each silo sends what it learned to the model grain and reads the model back. Default 5 s.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after a viewer was shown a list their clicks, carts and purchases count as its outcome. Default 2 minutes.</summary>
    public TimeSpan FeedbackWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first positions of a viewer's list that count as seen for learning (a product opened further down counts too). Default 8.</summary>
    [Range(1, 1000)]
    public int LearnFromTopPositions { get; set; } = 8;

    /// <summary>Suggestions returned to the creator. Default 5.</summary>
    [Range(1, 100)]
    public int SuggestionCount { get; set; } = 5;
}
