namespace LiveCommerce.Ranking.Features;

/// <summary>
/// Stream-wide averages over one snapshot's candidates, the yardstick per-product rates are compared with ("3× this
/// stream's average"). Compute once per snapshot with <see cref="From"/>.
/// </summary>
/// <param name="Impressions">Total impressions of all candidates, any surface.</param>
/// <param name="Examination">Total examination of their list impressions.</param>
/// <param name="ListClicks">Total list clicks.</param>
/// <param name="Clicks">Total clicks, any surface.</param>
/// <param name="Ctr">List clicks per unit of examination (a small prior is used while the stream has little data).</param>
/// <param name="CartRate">Add-to-cart actions per click across the stream.</param>
/// <param name="PurchaseRate">Purchase actions per click across the stream.</param>
public readonly record struct StreamSummary(
    long Impressions,
    double Examination,
    long ListClicks,
    long Clicks,
    double Ctr,
    double CartRate,
    double PurchaseRate)
{
    /// <summary>Clicks per unit of examination assumed before a stream has data.</summary>
    public const double PriorCtr = 0.05;

    /// <summary>Add-to-cart actions per click assumed before a stream has data.</summary>
    public const double PriorCartRate = 0.1;

    /// <summary>Purchase actions per click assumed before a stream has data.</summary>
    public const double PriorPurchaseRate = 0.03;

    /// <summary>Summarises a snapshot. O(n), no allocation.</summary>
    /// <param name="candidates">All products of the stream snapshot.</param>
    /// <returns>The stream averages.</returns>
    public static StreamSummary From(IReadOnlyList<RankingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        long impressions = 0, listClicks = 0, clicks = 0, carts = 0, purchases = 0;
        double examination = 0;
        var count = candidates.Count;
        for (var i = 0; i < count; i++)
        {
            var c = candidates[i];
            impressions += Math.Max(0, c.Impressions);
            examination += Math.Max(0, c.Examination);
            listClicks += Math.Max(0, c.ListClicks);
            clicks += Math.Max(0, c.Clicks);
            carts += Math.Max(0, c.CartActions);
            purchases += Math.Max(0, c.PurchaseActions);
        }

        // Shrink the stream averages towards the priors while the stream is young.
        var ctr = (listClicks + (20 * PriorCtr)) / (examination + 20.0);
        var cartRate = (carts + (20 * PriorCartRate)) / (clicks + 20.0);
        var purchaseRate = (purchases + (20 * PriorPurchaseRate)) / (clicks + 20.0);
        return new StreamSummary(impressions, examination, listClicks, clicks, ctr, cartRate, purchaseRate);
    }
}
