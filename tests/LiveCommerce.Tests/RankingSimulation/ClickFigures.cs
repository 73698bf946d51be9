namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>
/// Expected clicks per join over a set of joins (a round, or the rounds after the warm-up): of the lists the
/// engine returned, and of four reference orders of the same products for the same viewers.
/// </summary>
/// <param name="Label">What the joins are (<c>round 3</c>, <c>after warm-up</c>).</param>
/// <param name="Joins">The joins.</param>
/// <param name="Ranked">Mean Σ e(k)·a(v, list_k) of the returned lists.</param>
/// <param name="Oracle">The same for each viewer's best order (by a(v, p)).</param>
/// <param name="OracleWithFloor">The same for the best order that keeps the local-seller floor.</param>
/// <param name="Creator">The same for the creator's order.</param>
/// <param name="Random">The expectation of a uniformly random order: mean a · Σ e.</param>
/// <param name="Clicks">The clicks the viewers sent.</param>
/// <param name="Carts">The add-to-carts the viewers sent.</param>
/// <param name="DistinctLists">How many different lists the joins got.</param>
/// <param name="CreatorOrderLists">How many joins got exactly the creator's order.</param>
public sealed record ClickFigures(
    string Label,
    int Joins,
    double Ranked,
    double Oracle,
    double OracleWithFloor,
    double Creator,
    double Random,
    int Clicks,
    int Carts,
    int DistinctLists,
    int CreatorOrderLists)
{
    /// <summary>Ranked over random.</summary>
    public double RankedOverRandom => Ratio(Ranked, Random);

    /// <summary>Ranked over the oracle.</summary>
    public double RankedOverOracle => Ratio(Ranked, Oracle);

    /// <summary>Ranked over the oracle that keeps the floor.</summary>
    public double RankedOverOracleWithFloor => Ratio(Ranked, OracleWithFloor);

    /// <summary>Ranked over the creator's order.</summary>
    public double RankedOverCreator => Ratio(Ranked, Creator);

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : double.NaN;
}
