using System.Globalization;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Ranking.Reasons;

/// <summary>
/// Explains a candidate in plain English from its raw counts compared with the stream average.
/// Reasons only state facts the creator can check in the counts; the model's coefficients are not quoted.
/// All numbers are formatted with the invariant culture.
/// </summary>
public static class ReasonBuilder
{
    /// <summary>The text of the reason used when nothing stands out.</summary>
    public const string Fallback = "steady engagement in this stream";

    /// <summary>Builds the reasons for <paramref name="candidate"/>, most important first.</summary>
    /// <param name="candidate">The product.</param>
    /// <param name="stream">The stream yardstick.</param>
    /// <param name="options">Thresholds.</param>
    /// <param name="exploring">Whether the ranker is exploring (then new products are said to be explored).</param>
    /// <returns>At least one reason.</returns>
    public static IReadOnlyList<RankingReason> Build(RankingCandidate candidate, in StreamSummary stream, RankerOptions options, bool exploring)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(options);
        var reasons = new List<RankingReason>(6);
        var inv = CultureInfo.InvariantCulture;

        var impressions = Math.Max(0, candidate.Impressions);
        var clicks = Math.Max(0, candidate.Clicks);
        var examination = Math.Max(0, candidate.Examination);
        var streamCtr = stream.Examination > 0 ? stream.ListClicks / stream.Examination : 0.0;
        if (examination >= options.MinExaminationForRates && candidate.ListClicks > 0 && streamCtr > 0)
        {
            var ctr = candidate.ListClicks / examination;
            if (ctr / streamCtr >= options.CtrRatioToMention)
            {
                reasons.Add(new(ReasonKinds.ClickRate, string.Create(
                    inv, $"opened by {FormatPercent(Math.Min(1.0, ctr))} of viewers who saw it in the list, {FormatRatio(ctr / streamCtr)} this stream's average")));
            }
        }

        if (clicks >= options.MinClicksForCartRate && candidate.CartActions > 0)
        {
            var cartRate = (double)candidate.CartActions / clicks;
            var streamCartRate = stream.Clicks > 0 ? stream.CartRate : 0.0;
            if (cartRate >= streamCartRate)
            {
                reasons.Add(new(ReasonKinds.CartRate, string.Create(inv, $"{FormatPercent(Math.Min(1.0, cartRate))} of those who opened it added it to cart")));
            }
        }

        if (candidate.UnitsSold > 0)
        {
            var noun = candidate.UnitsSold == 1 ? "unit sold" : "units sold";
            if (candidate.RevenueMinor > 0)
            {
                var major = candidate.RevenueMinor / CandidateFeaturizer.MinorUnitsPerMajor(candidate.CurrencyDigits);
                var digits = Math.Clamp(candidate.CurrencyDigits, 0, 6);
                var amount = major.ToString("N" + digits.ToString(inv), inv);
                var currency = string.IsNullOrWhiteSpace(candidate.CurrencyCode) ? string.Empty : " " + candidate.CurrencyCode;
                reasons.Add(new(ReasonKinds.Sales, string.Create(inv, $"{candidate.UnitsSold} {noun} so far ({amount}{currency})")));
            }
            else
            {
                reasons.Add(new(ReasonKinds.Sales, string.Create(inv, $"{candidate.UnitsSold} {noun} so far")));
            }
        }

        if (candidate.RecentExamination >= options.MinExaminationForTrend)
        {
            var trend = CandidateFeaturizer.TrendRatio(candidate, stream.Ctr);
            if (trend >= options.TrendRatioToMention)
            {
                reasons.Add(new(ReasonKinds.Trend, string.Create(inv, $"trending across streams: click rate {FormatRatio(trend)} its earlier level")));
            }
        }

        if (candidate.SecondsSinceLastPinned is null)
        {
            reasons.Add(new(ReasonKinds.Pin, "not pinned yet"));
        }
        else
        {
            var minutes = (long)Math.Floor(candidate.SecondsSinceLastPinned.Value / 60.0);
            if (minutes >= options.StalePinMinutes)
            {
                reasons.Add(new(ReasonKinds.Pin, string.Create(inv, $"not pinned for {minutes} min")));
            }
        }

        if (candidate.SellerKind == SellerKind.LocalSme)
        {
            reasons.Add(new(ReasonKinds.LocalSeller, "verified local seller"));
        }

        if (candidate.StockLeft is { } stock && stock > 0 && stock <= options.LowStockThreshold)
        {
            reasons.Add(new(ReasonKinds.LowStock, string.Create(inv, $"only {stock} left in stock")));
        }

        if (exploring && impressions < options.NewProductImpressions)
        {
            reasons.Add(new(ReasonKinds.Exploring, "new product, being explored"));
        }

        if (reasons.Count == 0)
        {
            reasons.Add(new(ReasonKinds.Steady, Fallback));
        }

        return reasons;
    }

    /// <summary>Formats a rate as a percentage: one decimal, two below 0.1%.</summary>
    /// <param name="rate">A rate in [0, 1].</param>
    /// <returns>E.g. "4.1%".</returns>
    public static string FormatPercent(double rate)
    {
        var pct = rate * 100.0;
        return pct < 0.1
            ? pct.ToString("0.##", CultureInfo.InvariantCulture) + "%"
            : pct.ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>Formats a ratio as a multiplier: "3×", "2.5×", "12×".</summary>
    /// <param name="ratio">The ratio.</param>
    /// <returns>The multiplier text.</returns>
    public static string FormatRatio(double ratio) =>
        (ratio >= 10 ? ratio.ToString("0", CultureInfo.InvariantCulture) : ratio.ToString("0.#", CultureInfo.InvariantCulture)) + "×";
}
