namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>One join: the list the engine returned to a viewer in a round, and what the viewer did with it.</summary>
/// <param name="Round">The round (1-based).</param>
/// <param name="Viewer">The viewer index.</param>
/// <param name="Products">The returned <c>products</c> as product indices, first to last.</param>
/// <param name="Clicks">The list clicks the viewer sent (<c>ViewProduct</c>).</param>
/// <param name="Carts">The add-to-carts the viewer sent.</param>
public sealed record ShownList(int Round, int Viewer, IReadOnlyList<int> Products, int Clicks, int Carts);
