namespace LiveCommerce.Contracts.Analytics;

/// <summary>One entry of <c>GET /api/streams/{id}/suggestions</c>: what to pin next and why.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Score">The ranker's score (higher is better).</param>
/// <param name="Reasons">Human-readable reasons, most important first.</param>
/// <param name="Details">The same reasons with their kinds, in the same order.</param>
public sealed record PinSuggestion(string ProductId, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<SuggestionReason> Details);
