using LiveCommerce.Ranking.Reasons;

namespace LiveCommerce.Ranking;

/// <summary>A next-pin suggestion for the creator.</summary>
/// <param name="ProductId">The product to pin.</param>
/// <param name="Score">The model's expected reward of pinning it (higher is better).</param>
/// <param name="Reasons">Typed reasons, most important first.</param>
public sealed record PinSuggestion(string ProductId, double Score, IReadOnlyList<RankingReason> Reasons);
