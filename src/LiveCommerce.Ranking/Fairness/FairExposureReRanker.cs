using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LiveCommerce.Contracts.Products;

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
/// Algorithm (O(n), allocation-free; lists of 1,024 or more borrow their scratch from the shared array pool): walk
/// the positions; place the best remaining local-sme product where the prefix would otherwise fall short of either
/// rule, else whichever of the best remaining local-sme and the best remaining other product scores higher. Local-sme
/// products are therefore only ever moved up and every other product only ever moves down: a
/// <see cref="SellerKind.Platform"/> product is never placed above its position in the pure score order, so the floor
/// can never be used for self-preferencing. With floor 0 the output is exactly the input order.
/// </para>
/// </summary>
public static class FairExposureReRanker
{
    /// <summary>Guards ⌊floor·k⌋ and the share comparison against binary rounding (0.3·10 must give 3, not 2).</summary>
    private const double RoundingSlack = 1e-9;

    /// <summary>Lists shorter than this keep their scratch on the stack.</summary>
    private const int StackLimit = 1024;

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
        if (!(f > 0) || n == 0)
        {
            scoreOrder.CopyTo(destination);
            return;
        }

        // The positions in the score order of the local-sme products and of the others, each list ended by n
        // (written without branching on the kind, which follows the scores).
        int[]? rented = null;
        var buffer = n < StackLimit ? stackalloc int[2 * (n + 1)] : (rented = ArrayPool<int>.Shared.Rent(2 * (n + 1)));
        var locals = buffer[..(n + 1)];
        var others = buffer.Slice(n + 1, n + 1);
        var totalLocal = 0;
        var totalOther = 0;
        for (var i = 0; i < n; i++)
        {
            var local = kinds[scoreOrder[i]] == SellerKind.LocalSme ? 1 : 0;
            locals[totalLocal] = i;
            others[totalOther] = i;
            totalLocal += local;
            totalOther += 1 - local;
        }

        if (totalLocal == 0)
        {
            scoreOrder.CopyTo(destination);
        }
        else
        {
            locals[totalLocal] = n;
            others[totalOther] = n;
            Walk(scoreOrder, locals, others, f, totalLocal, destination);
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
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

    /// <summary>
    /// The walk down the positions: the next local-sme product where the prefix would fall short of either rule, else
    /// whichever of the next local-sme and the next other product comes first in the score order. The position lists
    /// end with n, so neither cursor runs past its list; the loop reads through references (no bounds checks) to keep
    /// its state in registers.
    /// </summary>
    private static void Walk(ReadOnlySpan<int> scoreOrder, ReadOnlySpan<int> locals, ReadOnlySpan<int> others, double f, int totalLocal, Span<int> destination)
    {
        var n = scoreOrder.Length;
        var positions = Examination.Positions(n);
        ref var order = ref MemoryMarshal.GetReference(scoreOrder);
        ref var local = ref MemoryMarshal.GetReference(locals);
        ref var other = ref MemoryMarshal.GetReference(others);
        ref var weights = ref MemoryMarshal.GetArrayDataReference(positions.Weights);
        ref var prefixes = ref MemoryMarshal.GetArrayDataReference(positions.RunningSums);
        ref var shown = ref MemoryMarshal.GetReference(destination);
        var nextLocalAt = 0;
        var nextOtherAt = 0;
        var nextLocal = local;
        var nextOther = other;
        var localExamination = 0.0;
        for (var k = 0; k < n; k++)
        {
            // Position k + 1; nextLocalAt is the number of local-sme products placed so far.
            var shortOfCount = nextLocalAt < Math.Min((int)Math.Floor((f * (k + 1)) + RoundingSlack), totalLocal);
            var shortOfShare = localExamination + RoundingSlack < f * Unsafe.Add(ref prefixes, k);
            if (nextLocal < n && (shortOfCount || shortOfShare || nextOther >= n || nextLocal < nextOther))
            {
                Unsafe.Add(ref shown, k) = Unsafe.Add(ref order, nextLocal);
                localExamination += Unsafe.Add(ref weights, k);
                nextLocal = Unsafe.Add(ref local, ++nextLocalAt);
            }
            else
            {
                Unsafe.Add(ref shown, k) = Unsafe.Add(ref order, nextOther);
                nextOther = Unsafe.Add(ref other, ++nextOtherAt);
            }
        }
    }
}
