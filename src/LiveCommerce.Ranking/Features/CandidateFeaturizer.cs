namespace LiveCommerce.Ranking.Features;

/// <summary>
/// Turns a <see cref="RankingCandidate"/> (raw counts) plus the stream yardstick and the viewer's
/// affinities into the fixed vector of <see cref="FeatureLayout"/>. Rates are shrunk towards the stream
/// average with pseudo-counts, so small samples neither spike nor crash. Allocation-free.
/// </summary>
public static class CandidateFeaturizer
{
    /// <summary>Pseudo-examination that shrinks a product's list click rate towards the stream average.</summary>
    public const double CtrPseudoExamination = 5.0;

    /// <summary>Pseudo-clicks used to shrink add-to-cart and purchase rates.</summary>
    public const double RatePseudoClicks = 5.0;

    /// <summary>Examination at which <see cref="FeatureLayout.Novelty"/> has dropped to 1/√2.</summary>
    public const double NoveltyExaminationScale = 10.0;

    /// <summary>Seconds over which <see cref="FeatureLayout.PinRecency"/> falls by a factor e.</summary>
    public const double PinRecencySeconds = 600.0;

    private static readonly double[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    /// <summary>Writes the feature vector of <paramref name="candidate"/>, as scored (top position), into <paramref name="destination"/>.</summary>
    /// <param name="candidate">The product.</param>
    /// <param name="stream">The stream yardstick from <see cref="StreamSummary.From"/>.</param>
    /// <param name="viewer">The viewer, or <see langword="null"/> for no personalisation.</param>
    /// <param name="destination">At least <see cref="FeatureLayout.Dimension"/> long.</param>
    public static void Featurize(RankingCandidate candidate, in StreamSummary stream, ViewerAffinities? viewer, Span<double> destination) =>
        Featurize(candidate, stream, viewer, 1, destination);

    /// <summary>Writes the feature vector of <paramref name="candidate"/> shown at <paramref name="position"/> (for learning).</summary>
    /// <param name="candidate">The product.</param>
    /// <param name="stream">The stream yardstick from <see cref="StreamSummary.From"/>.</param>
    /// <param name="viewer">The viewer, or <see langword="null"/> for no personalisation.</param>
    /// <param name="position">The 1-based position it was shown at; 1 when scoring.</param>
    /// <param name="destination">At least <see cref="FeatureLayout.Dimension"/> long.</param>
    public static void Featurize(RankingCandidate candidate, in StreamSummary stream, ViewerAffinities? viewer, int position, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (destination.Length < FeatureLayout.Dimension)
        {
            throw new ArgumentException($"Destination must hold {FeatureLayout.Dimension} values.", nameof(destination));
        }

        var clicks = (double)Math.Max(0, candidate.Clicks);
        var streamCtr = stream.Ctr > 0 ? stream.Ctr : StreamSummary.PriorCtr;

        destination[FeatureLayout.Bias] = 1.0;
        destination[FeatureLayout.Attractiveness] = Math.Clamp(Math.Log2(ClickRate(candidate, stream) / streamCtr), -3.0, 3.0) / 3.0;

        var cartPrior = stream.CartRate > 0 ? stream.CartRate : StreamSummary.PriorCartRate;
        var purchasePrior = stream.PurchaseRate > 0 ? stream.PurchaseRate : StreamSummary.PriorPurchaseRate;
        destination[FeatureLayout.CartRate] =
            Math.Clamp((Math.Max(0, candidate.CartActions) + (RatePseudoClicks * cartPrior)) / (clicks + RatePseudoClicks), 0.0, 1.0);
        destination[FeatureLayout.PurchaseRate] =
            Math.Clamp((Math.Max(0, candidate.PurchaseActions) + (RatePseudoClicks * purchasePrior)) / (clicks + RatePseudoClicks), 0.0, 1.0);

        destination[FeatureLayout.Trend] = Math.Clamp(Math.Log2(TrendRatio(candidate, streamCtr)), -2.0, 2.0) / 2.0;
        destination[FeatureLayout.Novelty] = 1.0 / Math.Sqrt(1.0 + (Math.Max(0, candidate.Examination) / NoveltyExaminationScale));

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

        destination[FeatureLayout.PinRecency] = candidate.SecondsSinceLastPinned is { } seconds
            ? Math.Exp(-Math.Max(0, seconds) / PinRecencySeconds)
            : 0.0;
        destination[FeatureLayout.Position] = 1.0 - Examination.Weight(Math.Max(1, position));
    }

    /// <summary>
    /// The product's list clicks per unit of examination in this stream, shrunk towards the stream average by
    /// <see cref="CtrPseudoExamination"/>: an estimate of how often a viewer who sees it opens it, wherever it was shown.
    /// </summary>
    /// <param name="candidate">The product.</param>
    /// <param name="stream">The stream yardstick.</param>
    /// <returns>The rate (it can exceed 1 when viewers look further down than the examination weights assume).</returns>
    public static double ClickRate(RankingCandidate candidate, in StreamSummary stream)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var streamCtr = stream.Ctr > 0 ? stream.Ctr : StreamSummary.PriorCtr;
        return (Math.Max(0, candidate.ListClicks) + (CtrPseudoExamination * streamCtr)) / (Math.Max(0, candidate.Examination) + CtrPseudoExamination);
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
        var recentImpressions = Math.Max(0, candidate.RecentExamination);
        var priorImpressions = Math.Max(0, candidate.PriorExamination);
        var recentClicks = (double)Math.Max(0, candidate.RecentClicks);
        var priorClicks = (double)Math.Max(0, candidate.PriorClicks);
        var pooledImpressions = recentImpressions + priorImpressions;
        var pooled = pooledImpressions > 0 ? (recentClicks + priorClicks + (CtrPseudoExamination * fallbackCtr)) / (pooledImpressions + CtrPseudoExamination) : fallbackCtr;
        if (pooled <= 0)
        {
            return 1.0;
        }

        var recent = (recentClicks + (CtrPseudoExamination * pooled)) / (recentImpressions + CtrPseudoExamination);
        var prior = (priorClicks + (CtrPseudoExamination * pooled)) / (priorImpressions + CtrPseudoExamination);
        return recent / prior;
    }

}
