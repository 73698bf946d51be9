namespace LiveCommerce.Ranking;

/// <summary>A next-pin suggestion for the creator: <c>{ productId, score, reasons[] }</c>.</summary>
/// <param name="ProductId">The product to pin.</param>
/// <param name="Score">Bandit score (higher is better).</param>
/// <param name="Reasons">Human-readable reasons, most important first, e.g. "4.1% of viewers opened it, 3× this stream's average".</param>
public sealed record PinSuggestion(string ProductId, double Score, IReadOnlyList<string> Reasons);
