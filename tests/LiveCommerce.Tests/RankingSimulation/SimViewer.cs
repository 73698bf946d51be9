namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>One simulated viewer with their hidden tastes.</summary>
/// <param name="Index">Their index in the world (0-based).</param>
/// <param name="Tastes">How much they like each category (standard normal, by category index).</param>
/// <param name="Favourites">The indices of their 1–2 personal favourite products.</param>
public sealed record SimViewer(int Index, IReadOnlyList<double> Tastes, IReadOnlySet<int> Favourites);
