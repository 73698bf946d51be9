namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>
/// The local-seller floor as the simulation checks it: every prefix of length k of a list holds at least
/// ⌊share·k⌋ local-sme products, or all of the list's local-sme products when it has fewer.
/// </summary>
public static class ExposureFloor
{
    /// <summary>The local-sme products a prefix of length <paramref name="length"/> must hold.</summary>
    /// <param name="length">The prefix length.</param>
    /// <param name="share">The floor's share.</param>
    /// <param name="locals">The local-sme products in the whole list.</param>
    /// <returns>The least count.</returns>
    public static int Required(int length, double share, int locals) =>
        Math.Min(locals, (int)Math.Floor((share * length) + 1e-9));

    /// <summary>The prefix lengths of <paramref name="list"/> that hold too few local-sme products.</summary>
    /// <param name="list">Product indices, first to last.</param>
    /// <param name="isLocal">Whether a product index is local-sme.</param>
    /// <param name="share">The floor's share.</param>
    /// <returns>The short prefix lengths (empty when the list keeps the floor).</returns>
    public static IReadOnlyList<int> ShortPrefixes(IReadOnlyList<int> list, Func<int, bool> isLocal, double share)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(isLocal);
        var locals = list.Count(isLocal);
        var shortPrefixes = new List<int>();
        var seen = 0;
        for (var k = 1; k <= list.Count; k++)
        {
            seen += isLocal(list[k - 1]) ? 1 : 0;
            if (seen < Required(k, share, locals))
            {
                shortPrefixes.Add(k);
            }
        }

        return shortPrefixes;
    }

    /// <summary>
    /// The best-first order <paramref name="scoreOrder"/> changed as little as needed to keep the floor: at each
    /// position the next local-sme product if the prefix would fall short otherwise, else the better of the next
    /// local-sme and the next other product. Used for the oracle that keeps the floor.
    /// </summary>
    /// <param name="scoreOrder">Product indices, best first.</param>
    /// <param name="isLocal">Whether a product index is local-sme.</param>
    /// <param name="share">The floor's share.</param>
    /// <returns>The order with the floor.</returns>
    public static IReadOnlyList<int> Keep(IReadOnlyList<int> scoreOrder, Func<int, bool> isLocal, double share)
    {
        ArgumentNullException.ThrowIfNull(scoreOrder);
        ArgumentNullException.ThrowIfNull(isLocal);
        var locals = scoreOrder.Where(isLocal).ToList();
        var others = scoreOrder.Where(p => !isLocal(p)).ToList();
        var rank = scoreOrder.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var result = new List<int>(scoreOrder.Count);
        int li = 0, oi = 0, placedLocal = 0;
        while (result.Count < scoreOrder.Count)
        {
            var k = result.Count + 1;
            // Look ahead: the local products still needed by every later prefix must fit in the positions left.
            var mustPlaceLocal = li < locals.Count && Enumerable.Range(k, scoreOrder.Count - k + 1)
                .Any(length => Required(length, share, locals.Count) - placedLocal > length - k);
            var takeLocal = oi >= others.Count || (li < locals.Count && (mustPlaceLocal || rank[locals[li]] < rank[others[oi]]));
            if (takeLocal)
            {
                result.Add(locals[li++]);
                placedLocal++;
            }
            else
            {
                result.Add(others[oi++]);
            }
        }

        return result;
    }
}
