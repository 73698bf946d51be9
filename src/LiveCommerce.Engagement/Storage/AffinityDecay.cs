namespace LiveCommerce.Engagement.Storage;

/// <summary>The exponential decay of affinity scores, shared by both stores (the Redis script does the same).</summary>
public static class AffinityDecay
{
    /// <summary>The field holding the Unix seconds the scores were last decayed to.</summary>
    public const string TimeField = "_t";

    /// <summary>The factor a score decays by from <paramref name="from"/> to <paramref name="to"/>: 0.5 per half-life; 1 when <paramref name="to"/> is not later.</summary>
    /// <param name="from">Unix seconds the score is as of.</param>
    /// <param name="to">Unix seconds to decay to.</param>
    /// <param name="halfLifeSeconds">The half-life.</param>
    /// <returns>The factor in (0, 1].</returns>
    public static double Factor(double from, double to, double halfLifeSeconds) =>
        to > from ? Math.Pow(0.5, (to - from) / halfLifeSeconds) : 1.0;
}
