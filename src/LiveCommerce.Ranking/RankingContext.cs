namespace LiveCommerce.Ranking;

/// <summary>Per-call settings of <see cref="ProductRanker.Rank(IReadOnlyList{RankingCandidate}, RankingContext)"/> and <see cref="ProductRanker.Suggest"/>.</summary>
public sealed record RankingContext
{
    /// <summary>The context used when none is given: no viewer, exploration on, floor 0.3.</summary>
    public static RankingContext Default { get; } = new();

    /// <summary>The viewer whose list is ranked; <see langword="null"/> for creator-facing suggestions (no personalisation).</summary>
    public ViewerAffinities? Viewer { get; init; }

    /// <summary>
    /// Share of local-sme products every prefix of length k ≥ 3 must hold (engine setting
    /// <c>Ranking:LocalSellerExposureFloor</c>); clamped to [0, 1]. 0 gives the pure score order.
    /// </summary>
    public double LocalSellerExposureFloor { get; init; } = FairExposureDefaults.Floor;

    /// <summary>
    /// When <see langword="true"/> (default) the score is the LinUCB upper confidence bound, so uncertain
    /// (new) products get exposure; when <see langword="false"/> the score is the model's mean estimate (pure exploitation).
    /// </summary>
    public bool Explore { get; init; } = true;

    /// <summary>
    /// Scale-free Plackett–Luce temperature of a viewer's list (see <see cref="Policy.PlackettLuceSampler"/>): 0 (default)
    /// is the score order; above 0 the order is drawn, so products near each other in score trade places and every
    /// product has a known chance of every position.
    /// </summary>
    public double Temperature { get; init; }

    /// <summary>The draw's seed when <see cref="Temperature"/> is above 0 (the engine uses the hash of the list's id).</summary>
    public ulong Seed { get; init; }
}
