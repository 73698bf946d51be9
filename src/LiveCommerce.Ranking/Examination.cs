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
}
