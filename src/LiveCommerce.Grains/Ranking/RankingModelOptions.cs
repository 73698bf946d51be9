namespace LiveCommerce.Grains.Ranking;

/// <summary>How the shared ranking model forgets (configuration section <c>Ranking</c>).</summary>
public sealed class RankingModelOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Ranking";

    /// <summary>
    /// After this long, evidence counts half as much as new evidence. Tastes and streams change, and a model that
    /// never forgets stops exploring (its confidence bound shrinks to nothing). Default 2 hours.
    /// </summary>
    public TimeSpan ModelHalfLife { get; set; } = TimeSpan.FromHours(2);
}
