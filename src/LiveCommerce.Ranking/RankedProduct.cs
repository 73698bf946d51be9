namespace LiveCommerce.Ranking;

/// <summary>One entry of a viewer's ranked list.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="CandidateIndex">Index of the product in the candidate list passed to <c>Rank</c>.</param>
/// <param name="Score">Bandit score (upper confidence bound, or mean when exploration is off).</param>
/// <param name="ScoreRank">0-based position the product would have in the pure score order (before the exposure floor).</param>
public readonly record struct RankedProduct(string ProductId, int CandidateIndex, double Score, int ScoreRank)
{
    /// <summary>
    /// The probability of the sampler's choice of this product at the step that picked it (1 for a deterministic
    /// ranking): the logged propensity off-policy evaluation starts from.
    /// </summary>
    public double ChoiceProbability { get; init; } = 1.0;
}
