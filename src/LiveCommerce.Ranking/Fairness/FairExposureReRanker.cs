namespace LiveCommerce.Ranking.Fairness;

/// <summary>
/// Re-ranks a score order so that every prefix of length k ≥ 3 holds at least ⌊floor·k⌋ local-sme
/// products — or all of them when fewer exist — while changing the score order as little as possible.
/// <para>
/// Algorithm (O(n), allocation-free): walk the positions; at each position place the next local-sme
/// product (in score order) if the prefix would otherwise fall short of its quota — including the
/// look-ahead that positions 1 and 2 need so that the quota of the first full prefix (k = 3) can be met —
/// else place whichever of the next local-sme and the next other product scores higher.
/// Local-sme products are therefore only ever moved up, and every other product (brand, and in particular
/// <see cref="SellerKind.Platform"/>) only ever moves down: a platform product is never placed above
/// its position in the pure score order, so the floor can never be used for self-preferencing.
/// With floor 0 the output is exactly the input order.
/// </para>
/// </summary>
public static class FairExposureReRanker
{
    /// <summary>Guards ⌊floor·k⌋ against binary rounding (0.3·10 must give 3, not 2).</summary>
    private const double RoundingSlack = 1e-9;

    /// <summary>Local-sme products the prefix of length <paramref name="prefixLength"/> must hold.</summary>
    /// <param name="floor">The exposure floor, clamped to [0, 1].</param>
    /// <param name="prefixLength">Prefix length k.</param>
    /// <param name="availableLocal">How many local-sme products the whole list has.</param>
    /// <returns><c>min(⌊floor·k⌋, availableLocal)</c> for k ≥ 3, else 0.</returns>
    public static int RequiredLocal(double floor, int prefixLength, int availableLocal)
    {
        if (prefixLength < FairExposureDefaults.MinPrefixLength)
        {
            return 0;
        }

        var f = NormaliseFloor(floor);
        var required = (int)Math.Floor((f * prefixLength) + RoundingSlack);
        return Math.Min(required, Math.Max(0, availableLocal));
    }

    /// <summary>Clamps a configured floor into [0, 1]; NaN becomes 0.</summary>
    /// <param name="floor">The configured value.</param>
    /// <returns>The floor in force.</returns>
    public static double NormaliseFloor(double floor) => double.IsNaN(floor) ? 0.0 : Math.Clamp(floor, 0.0, 1.0);

    /// <summary>Re-ranks <paramref name="scoreOrder"/> into <paramref name="destination"/>.</summary>
    /// <param name="scoreOrder">Candidate indices, best score first (a permutation of a subset of 0..kinds.Length-1).</param>
    /// <param name="kinds">Seller kind by candidate index.</param>
    /// <param name="floor">Exposure floor in [0, 1] (clamped).</param>
    /// <param name="destination">Receives the re-ranked indices; at least <c>scoreOrder.Length</c> long, must not overlap <paramref name="scoreOrder"/>.</param>
    public static void Apply(ReadOnlySpan<int> scoreOrder, ReadOnlySpan<SellerKind> kinds, double floor, Span<int> destination)
    {
        var n = scoreOrder.Length;
        if (destination.Length < n)
        {
            throw new ArgumentException("Destination is shorter than the score order.", nameof(destination));
        }

        var f = NormaliseFloor(floor);
        var totalLocal = 0;
        if (f > 0)
        {
            for (var i = 0; i < n; i++)
            {
                if (kinds[scoreOrder[i]] == SellerKind.LocalSme)
                {
                    totalLocal++;
                }
            }
        }

        if (totalLocal == 0 || n < FairExposureDefaults.MinPrefixLength)
        {
            scoreOrder.CopyTo(destination);
            return;
        }

        // The quota rises by at most one per position from k = 3 on, so only positions 1 and 2 need look-ahead.
        var firstQuota = RequiredLocal(f, FairExposureDefaults.MinPrefixLength, totalLocal);
        var nextLocal = NextOf(scoreOrder, kinds, 0, local: true);
        var nextOther = NextOf(scoreOrder, kinds, 0, local: false);
        var placedLocal = 0;
        for (var position = 1; position <= n; position++)
        {
            var quota = position < FairExposureDefaults.MinPrefixLength
                ? Math.Max(0, firstQuota - (FairExposureDefaults.MinPrefixLength - position))
                : RequiredLocal(f, position, totalLocal);

            var takeLocal = nextLocal < n && (placedLocal < quota || nextOther >= n || nextLocal < nextOther);
            if (takeLocal)
            {
                destination[position - 1] = scoreOrder[nextLocal];
                placedLocal++;
                nextLocal = NextOf(scoreOrder, kinds, nextLocal + 1, local: true);
            }
            else
            {
                destination[position - 1] = scoreOrder[nextOther];
                nextOther = NextOf(scoreOrder, kinds, nextOther + 1, local: false);
            }
        }
    }

    private static int NextOf(ReadOnlySpan<int> scoreOrder, ReadOnlySpan<SellerKind> kinds, int start, bool local)
    {
        var i = start;
        while (i < scoreOrder.Length && (kinds[scoreOrder[i]] == SellerKind.LocalSme) != local)
        {
            i++;
        }

        return i;
    }
}
