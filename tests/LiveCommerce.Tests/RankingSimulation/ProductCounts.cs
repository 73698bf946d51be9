namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>A product's row of the stream's analytics after the last round.</summary>
/// <param name="Product">The product index.</param>
/// <param name="Impressions">Impressions counted.</param>
/// <param name="Clicks">Clicks counted.</param>
/// <param name="AddToCarts">Units added to carts.</param>
public sealed record ProductCounts(int Product, long Impressions, long Clicks, long AddToCarts)
{
    /// <summary>Clicks per impression (0 without impressions).</summary>
    public double ClickRate => Impressions == 0 ? 0 : (double)Clicks / Impressions;
}
