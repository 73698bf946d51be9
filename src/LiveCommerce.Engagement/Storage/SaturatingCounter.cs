namespace LiveCommerce.Engagement.Storage;

/// <summary>
/// Integer counter arithmetic that never overflows and never throws. Every engagement counter, money sums
/// included, saturates at <see cref="Ceiling"/> (and, for the few counters that can go down, at <see cref="Floor"/>):
/// a sum that would pass the ceiling is stored and reported as the ceiling. The bounds are those of a signed
/// 64-bit integer, the same as Redis's <c>HINCRBY</c>, so both stores saturate alike.
/// </summary>
public static class SaturatingCounter
{
    /// <summary>The highest value a counter holds: <see cref="long.MaxValue"/>, 9,223,372,036,854,775,807.</summary>
    public const long Ceiling = long.MaxValue;

    /// <summary>The lowest value a counter holds: <see cref="long.MinValue"/>.</summary>
    public const long Floor = long.MinValue;

    /// <summary>Adds <paramref name="delta"/> to <paramref name="value"/>, stopping at <see cref="Ceiling"/> or <see cref="Floor"/>.</summary>
    /// <param name="value">The current value.</param>
    /// <param name="delta">What to add (may be negative).</param>
    /// <returns>The sum, clamped to the counter's range.</returns>
    public static long Add(long value, long delta)
    {
        var sum = unchecked(value + delta);

        // Overflow happened exactly when both operands have the same sign and the sum's sign differs from it.
        if (((value ^ sum) & (delta ^ sum)) < 0)
        {
            return delta > 0 ? Ceiling : Floor;
        }

        return sum;
    }
}
