namespace LiveCommerce.Ranking;

/// <summary>
/// How much attention each position of a ranked list gets: 1/log2(1 + position), so the first position counts 1, the
/// second 0.63, the tenth 0.29. Exposure is weighted by it (the <c>examinationShare</c> of the exposure figures and the
/// exposure floor), and learning weighs an unclicked product by it: a product far down that nobody opened was
/// probably not seen, which says little against it.
/// </summary>
public static class Examination
{
    /// <summary>The weight of a 1-based position; 0 for positions below 1.</summary>
    /// <param name="position">The position, 1 for the top.</param>
    /// <returns>The weight, 1 at the top, falling slowly.</returns>
    public static double Weight(int position) => position < 1 ? 0.0 : 1.0 / Math.Log2(1.0 + position);

    private static Table _table = new(1024);

    /// <summary>
    /// <see cref="Weight"/> of positions 1…<paramref name="count"/> and their running sums, computed once (the exposure
    /// floor walks them for every list). Entries are exactly <see cref="Weight"/>'s, and the running sums are added up
    /// in position order from 0, as a walk down the list would.
    /// </summary>
    /// <param name="count">How many positions are needed.</param>
    /// <returns>A table of at least <paramref name="count"/> positions.</returns>
    internal static Table Positions(int count)
    {
        var table = Volatile.Read(ref _table);
        if (table.Weights.Length >= count)
        {
            return table;
        }

        var grown = new Table(Math.Max(count, 2 * table.Weights.Length));
        Volatile.Write(ref _table, grown);
        return grown;
    }

    /// <summary>Weights and running sums by 0-based position (index k is position k + 1).</summary>
    internal sealed class Table
    {
        public Table(int count)
        {
            Weights = new double[count];
            RunningSums = new double[count];
            var sum = 0.0;
            for (var k = 0; k < count; k++)
            {
                var weight = Weight(k + 1);
                sum += weight;
                Weights[k] = weight;
                RunningSums[k] = sum;
            }
        }

        /// <summary>Weight of position k + 1.</summary>
        public double[] Weights { get; }

        /// <summary>Σ of the weights of positions 1…k + 1.</summary>
        public double[] RunningSums { get; }
    }
}
