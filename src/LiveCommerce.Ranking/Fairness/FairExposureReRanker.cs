namespace LiveCommerce.Ranking.Fairness;

/// <summary>
/// Re-ranks a score order so that every prefix of the list, from the first position on, gives verified local sellers
/// their floor, while changing the score order as little as possible. A prefix of length k must hold
/// <list type="bullet">
/// <item>at least ⌊floor·k⌋ local-sme products, and</item>
/// <item>at least the floor's share of the prefix's examination (Σ 1/log2(1 + position), see <see cref="Examination"/>),</item>
/// </list>
/// as far as local-sme products exist. The second rule is what protects the first slots: the top position gets the
/// most attention, so a list whose locals all sit lower would meet the count and still give them less than the floor
/// of what viewers look at.
/// <para>
/// Algorithm (O(n), allocation-free): walk the positions; place the best remaining local-sme product where the prefix
/// would otherwise fall short of either rule, else whichever of the best remaining local-sme and the best remaining
/// other product scores higher. Local-sme products are therefore only ever moved up and every other product only ever
/// moves down: a <see cref="SellerKind.Platform"/> product is never placed above its position in the pure score order,
/// so the floor can never be used for self-preferencing. With floor 0 the output is exactly the input order.
/// </para>
/// </summary>
public static class FairExposureReRanker
{
    /// <summary>Guards ⌊floor·k⌋ and the share comparison against binary rounding (0.3·10 must give 3, not 2).</summary>
    private const double RoundingSlack = 1e-9;

    /// <summary>Local-sme products the prefix of length <paramref name="prefixLength"/> must hold by the count rule.</summary>
    /// <param name="floor">The exposure floor, clamped to [0, 1].</param>
    /// <param name="prefixLength">Prefix length k.</param>
    /// <param name="availableLocal">How many local-sme products the whole list has.</param>
    /// <returns><c>min(⌊floor·k⌋, availableLocal)</c>.</returns>
    public static int RequiredLocal(double floor, int prefixLength, int availableLocal)
    {
        var f = NormaliseFloor(floor);
        var required = (int)Math.Floor((f * Math.Max(0, prefixLength)) + RoundingSlack);
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

        if (totalLocal == 0)
        {
            scoreOrder.CopyTo(destination);
            return;
        }

        var positions = Examination.Positions(n);
        var weights = positions.Weights;
        var prefixes = positions.RunningSums;
        var nextLocal = NextOf(scoreOrder, kinds, 0, local: true);
        var nextOther = NextOf(scoreOrder, kinds, 0, local: false);
        var placedLocal = 0;
        var localExamination = 0.0;
        for (var position = 1; position <= n; position++)
        {
            var weight = weights[position - 1];
            var prefixExamination = prefixes[position - 1];
            var shortOfCount = placedLocal < Math.Min((int)Math.Floor((f * position) + RoundingSlack), totalLocal);
            var shortOfShare = localExamination + RoundingSlack < f * prefixExamination;
            var takeLocal = nextLocal < n && (shortOfCount || shortOfShare || nextOther >= n || nextLocal < nextOther);
            if (takeLocal)
            {
                destination[position - 1] = scoreOrder[nextLocal];
                placedLocal++;
                localExamination += weight;
                nextLocal = NextOf(scoreOrder, kinds, nextLocal + 1, local: true);
            }
            else
            {
                destination[position - 1] = scoreOrder[nextOther];
                nextOther = NextOf(scoreOrder, kinds, nextOther + 1, local: false);
            }
        }
    }

    /// <summary>Whether <paramref name="shown"/> meets both rules in every prefix (for tests and checks).</summary>
    /// <param name="shown">Seller kinds in the order shown.</param>
    /// <param name="floor">The exposure floor.</param>
    /// <returns>True when every prefix holds its share, as far as local-sme products exist.</returns>
    public static bool Holds(ReadOnlySpan<SellerKind> shown, double floor)
    {
        var f = NormaliseFloor(floor);
        var totalLocal = 0;
        foreach (var kind in shown)
        {
            totalLocal += kind == SellerKind.LocalSme ? 1 : 0;
        }

        int placed = 0, remaining = totalLocal;
        double local = 0, prefix = 0;
        for (var k = 1; k <= shown.Length; k++)
        {
            var weight = Examination.Weight(k);
            prefix += weight;
            if (shown[k - 1] == SellerKind.LocalSme)
            {
                placed++;
                remaining--;
                local += weight;
            }
            else if (remaining > 0 && (placed < RequiredLocal(f, k, totalLocal) || local + RoundingSlack < f * prefix))
            {
                // A non-local product took a position a local one was owed while locals were still left.
                return false;
            }
        }

        return true;
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
