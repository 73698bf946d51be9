namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>
/// The position-based click model: position k (1-based) is examined with probability e(k) = (1/k)^exponent, and an
/// examined product p is clicked by viewer v with probability a(v, p); a click is followed by an add-to-cart with
/// the product's hidden cart probability. Its exponent is deliberately not the engine's own assumption
/// (1/log2(1 + k)).
/// </summary>
/// <param name="world">The world whose attractiveness it uses.</param>
/// <param name="exponent">The examination exponent.</param>
public sealed class ClickModel(SimWorld world, double exponent)
{
    /// <summary>The examination exponent.</summary>
    public double Exponent { get; } = exponent;

    /// <summary>e(k): the chance that position <paramref name="position"/> (1-based) is looked at.</summary>
    /// <param name="position">The 1-based position.</param>
    /// <returns>The examination probability.</returns>
    public double Examination(int position) => Math.Pow(1.0 / position, Exponent);

    /// <summary>Σ e(k) over the first <paramref name="length"/> positions.</summary>
    /// <param name="length">The list length.</param>
    /// <returns>The sum.</returns>
    public double TotalExamination(int length) => Enumerable.Range(1, length).Sum(Examination);

    /// <summary>Expected clicks of a list: Σ_k e(k) · a(v, list_k).</summary>
    /// <param name="viewer">The viewer index.</param>
    /// <param name="list">Product indices, first to last.</param>
    /// <returns>The expected number of clicks.</returns>
    public double ExpectedClicks(int viewer, IReadOnlyList<int> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var sum = 0.0;
        for (var k = 0; k < list.Count; k++)
        {
            sum += Examination(k + 1) * world.Attractiveness(viewer, list[k]);
        }

        return sum;
    }

    /// <summary>The expected clicks of a uniformly random order of the stream's products: mean a(v, ·) · Σ e(k).</summary>
    /// <param name="viewer">The viewer index.</param>
    /// <returns>The expectation.</returns>
    public double RandomOrderExpectedClicks(int viewer)
    {
        var n = world.Products.Count;
        return Enumerable.Range(0, n).Average(p => world.Attractiveness(viewer, p)) * TotalExamination(n);
    }

    /// <summary>
    /// Draws what the viewer does with a list. Every position takes the same three draws (examined, clicked,
    /// carted) whatever happens, so two runs with the same seed share their random numbers position by position
    /// and differ only where their lists do.
    /// </summary>
    /// <param name="viewer">The viewer index.</param>
    /// <param name="list">Product indices, first to last.</param>
    /// <param name="random">The viewer's random source for this round.</param>
    /// <returns>The clicked products in list order, each with whether it goes to the cart.</returns>
    public IReadOnlyList<(int Product, bool AddToCart)> Act(int viewer, IReadOnlyList<int> list, Random random)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(random);
        var actions = new List<(int, bool)>();
        for (var k = 0; k < list.Count; k++)
        {
            var examined = random.NextDouble() < Examination(k + 1);
            var clicked = random.NextDouble() < world.Attractiveness(viewer, list[k]);
            var carted = random.NextDouble() < world.Products[list[k]].CartProbability;
            if (examined && clicked)
            {
                actions.Add((list[k], carted));
            }
        }

        return actions;
    }
}
