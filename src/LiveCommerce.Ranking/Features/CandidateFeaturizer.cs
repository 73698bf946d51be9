namespace LiveCommerce.Ranking.Features;

/// <summary>
/// Turns a <see cref="RankingCandidate"/> (raw counts) plus the stream yardstick and the viewer's
/// affinities into the fixed vector of <see cref="FeatureLayout"/>. Rates are shrunk towards the stream
/// average with pseudo-counts, so small samples neither spike nor crash. Allocation-free.
/// </summary>
public static class CandidateFeaturizer
{
    /// <summary>Pseudo-impressions used to shrink a product's CTR towards the stream average.</summary>
    public const double CtrPseudoImpressions = 20.0;

    /// <summary>Pseudo-clicks used to shrink add-to-cart and purchase rates.</summary>
    public const double RatePseudoClicks = 5.0;

    /// <summary>Impressions at which <see cref="FeatureLayout.Novelty"/> has dropped to 1/√2.</summary>
    public const double NoveltyImpressionScale = 50.0;

    /// <summary>Seconds after which a pin is fully "stale" (<see cref="FeatureLayout.PinStaleness"/> = 1).</summary>
    public const double PinStaleSeconds = 1800.0;

    private static readonly double[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    /// <summary>Writes the feature vector of <paramref name="candidate"/> into <paramref name="destination"/>.</summary>
    /// <param name="candidate">The product.</param>
    /// <param name="stream">The stream yardstick from <see cref="StreamSummary.From"/>.</param>
    /// <param name="viewer">The viewer, or <see langword="null"/> for no personalisation.</param>
    /// <param name="destination">At least <see cref="FeatureLayout.Dimension"/> long.</param>
    public static void Featurize(RankingCandidate candidate, in StreamSummary stream, ViewerAffinities? viewer, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (destination.Length < FeatureLayout.Dimension)
        {
            throw new ArgumentException($"Destination must hold {FeatureLayout.Dimension} values.", nameof(destination));
        }

        var impressions = (double)Math.Max(0, candidate.Impressions);
        var clicks = (double)Math.Max(0, candidate.Clicks);
        var streamCtr = stream.Ctr > 0 ? stream.Ctr : StreamSummary.PriorCtr;

        destination[FeatureLayout.Bias] = 1.0;

        var smoothedCtr = (clicks + (CtrPseudoImpressions * streamCtr)) / (impressions + CtrPseudoImpressions);
        destination[FeatureLayout.CtrLift] = Math.Clamp(Math.Log2(smoothedCtr / streamCtr), -3.0, 3.0) / 3.0;

        var cartPrior = stream.CartRate > 0 ? stream.CartRate : StreamSummary.PriorCartRate;
        var purchasePrior = stream.PurchaseRate > 0 ? stream.PurchaseRate : StreamSummary.PriorPurchaseRate;
        destination[FeatureLayout.CartRate] =
            Math.Clamp((Math.Max(0, candidate.AddToCarts) + (RatePseudoClicks * cartPrior)) / (clicks + RatePseudoClicks), 0.0, 1.0);
        destination[FeatureLayout.PurchaseRate] =
            Math.Clamp((Math.Max(0, candidate.Purchases) + (RatePseudoClicks * purchasePrior)) / (clicks + RatePseudoClicks), 0.0, 1.0);

        destination[FeatureLayout.Trend] = TrendFeature(candidate, streamCtr);
        destination[FeatureLayout.Novelty] = 1.0 / Math.Sqrt(1.0 + (impressions / NoveltyImpressionScale));

        if (viewer is null)
        {
            destination[FeatureLayout.CategoryAffinity] = 0.0;
            destination[FeatureLayout.SellerAffinity] = 0.0;
            destination[FeatureLayout.ProductAffinity] = 0.0;
        }
        else
        {
            destination[FeatureLayout.CategoryAffinity] = ViewerAffinities.Lookup(viewer.Categories, candidate.CategoryId);
            destination[FeatureLayout.SellerAffinity] = ViewerAffinities.Lookup(viewer.Sellers, candidate.SellerId);
            destination[FeatureLayout.ProductAffinity] = ViewerAffinities.Lookup(viewer.Products, candidate.ProductId);
        }

        destination[FeatureLayout.RelativePrice] = Math.Clamp(LogPrice(candidate) - stream.MeanLogPrice, -2.0, 2.0) / 2.0;
        destination[FeatureLayout.Scarcity] = candidate.StockLeft is { } stock ? 5.0 / (5.0 + Math.Max(0, stock)) : 0.0;
        destination[FeatureLayout.PinStaleness] = candidate.SecondsSinceLastPinned is { } seconds
            ? Math.Clamp(seconds / PinStaleSeconds, 0.0, 1.0)
            : 1.0;
    }

    /// <summary><c>ln(1 + price in major units)</c>; 0 for a non-positive price.</summary>
    /// <param name="candidate">The product.</param>
    /// <returns>The log price.</returns>
    public static double LogPrice(RankingCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.PriceMinor <= 0)
        {
            return 0.0;
        }

        return Math.Log(1.0 + (candidate.PriceMinor / MinorUnitsPerMajor(candidate.CurrencyDigits)));
    }

    /// <summary>10^digits, for digits clamped to [0, 6].</summary>
    /// <param name="currencyDigits">Decimal digits of the currency.</param>
    /// <returns>Minor units per major unit.</returns>
    public static double MinorUnitsPerMajor(int currencyDigits) => PowersOfTen[Math.Clamp(currencyDigits, 0, 6)];

    /// <summary>Ratio of recent to prior cross-stream CTR, both shrunk towards their pooled rate; 1 without data.</summary>
    /// <param name="candidate">The product.</param>
    /// <param name="fallbackCtr">Rate to shrink towards when the product has no cross-stream data.</param>
    /// <returns>The trend ratio (above 1 = rising).</returns>
    public static double TrendRatio(RankingCandidate candidate, double fallbackCtr)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var recentImpressions = (double)Math.Max(0, candidate.RecentImpressions);
        var priorImpressions = (double)Math.Max(0, candidate.PriorImpressions);
        var recentClicks = (double)Math.Max(0, candidate.RecentClicks);
        var priorClicks = (double)Math.Max(0, candidate.PriorClicks);
        var pooledImpressions = recentImpressions + priorImpressions;
        var pooled = pooledImpressions > 0 ? (recentClicks + priorClicks + (CtrPseudoImpressions * fallbackCtr)) / (pooledImpressions + CtrPseudoImpressions) : fallbackCtr;
        if (pooled <= 0)
        {
            return 1.0;
        }

        var recent = (recentClicks + (CtrPseudoImpressions * pooled)) / (recentImpressions + CtrPseudoImpressions);
        var prior = (priorClicks + (CtrPseudoImpressions * pooled)) / (priorImpressions + CtrPseudoImpressions);
        return recent / prior;
    }

    private static double TrendFeature(RankingCandidate candidate, double streamCtr) =>
        Math.Clamp(Math.Log2(TrendRatio(candidate, streamCtr)), -2.0, 2.0) / 2.0;
}
