using System.ComponentModel.DataAnnotations;

namespace LiveCommerce.Grains.Ranking;

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

    /// <summary>How often each silo sends what it learned to the model grain and reads the model back. Default 2 s.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest episode of a list shown: a viewer who keeps watching without the pin or offers changing has their list's
    /// outcome folded in after this long (and later clicks on it no longer count). Default 30 minutes.
    /// </summary>
    public TimeSpan ListLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Scale-free Plackett–Luce temperature of viewers' lists: 0 ranks by score; above 0 each list is drawn with its own
    /// seed, so products close in score trade places, every product gets some exposure, and the logged choice
    /// probabilities allow off-policy evaluation. Default 0.2 (a product one standard deviation of the list's scores
    /// better is e⁵ ≈ 150 times as likely to be picked first).
    /// </summary>
    [Range(0.0, 10.0)]
    public double Temperature { get; set; } = 0.2;

    /// <summary>Ranked-list records kept for off-policy evaluation (Redis stream in cluster mode, memory otherwise). Default 100,000.</summary>
    [Range(1, 10_000_000)]
    public int LogCapacity { get; set; } = 100_000;

    /// <summary>Suggestions returned to the creator. Default 5.</summary>
    [Range(1, 100)]
    public int SuggestionCount { get; set; } = 5;
}
