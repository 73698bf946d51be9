namespace LiveCommerce.Ranking.Features;

/// <summary>
/// Stream-wide averages over one snapshot's candidates, the yardstick per-product rates are compared
/// with ("3× this stream's average"). Compute once per snapshot with <see cref="From"/>.
/// </summary>
/// <param name="Impressions">Total impressions of all candidates.</param>
/// <param name="Clicks">Total clicks of all candidates.</param>
/// <param name="Ctr">Stream click-through rate (a small prior is used while the stream has no impressions).</param>
/// <param name="CartRate">Add-to-cart events per click across the stream.</param>
/// <param name="PurchaseRate">Purchases per click across the stream.</param>
/// <param name="MeanLogPrice">Mean of <c>ln(1 + major-unit price)</c> over the candidates.</param>
public readonly record struct StreamSummary(
    long Impressions,
    long Clicks,
    double Ctr,
    double CartRate,
    double PurchaseRate,
    double MeanLogPrice)
{
    /// <summary>Click-through rate assumed before a stream has any data.</summary>
    public const double PriorCtr = 0.02;

    /// <summary>Add-to-cart per click assumed before a stream has any data.</summary>
    public const double PriorCartRate = 0.1;

    /// <summary>Purchases per click assumed before a stream has any data.</summary>
    public const double PriorPurchaseRate = 0.03;

    /// <summary>Summarises a snapshot. O(n), no allocation.</summary>
    /// <param name="candidates">All products of the stream snapshot.</param>
    /// <returns>The stream averages.</returns>
    public static StreamSummary From(IReadOnlyList<RankingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        long impressions = 0, clicks = 0, carts = 0, purchases = 0;
        var logPriceSum = 0.0;
        var count = candidates.Count;
        for (var i = 0; i < count; i++)
        {
            var c = candidates[i];
            impressions += Math.Max(0, c.Impressions);
            clicks += Math.Max(0, c.Clicks);
            carts += Math.Max(0, c.AddToCarts);
            purchases += Math.Max(0, c.Purchases);
            logPriceSum += CandidateFeaturizer.LogPrice(c);
        }

        // Shrink the stream averages towards the priors while the stream is young.
        var ctr = (clicks + (100 * PriorCtr)) / (impressions + 100.0);
        var cartRate = (carts + (20 * PriorCartRate)) / (clicks + 20.0);
        var purchaseRate = (purchases + (20 * PriorPurchaseRate)) / (clicks + 20.0);
        var meanLogPrice = count == 0 ? 0.0 : logPriceSum / count;
        return new StreamSummary(impressions, clicks, ctr, cartRate, purchaseRate, meanLogPrice);
    }
}
