namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>One pin suggestion the creator got after the last round.</summary>
/// <param name="Product">The product index.</param>
/// <param name="Score">The engine's score.</param>
/// <param name="Reasons">The engine's reasons.</param>
public sealed record SuggestionSeen(int Product, double Score, IReadOnlyList<string> Reasons);
