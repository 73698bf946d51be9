namespace LiveCommerce.Ranking;

/// <summary>Thresholds for the human-readable reasons of <see cref="ProductRanker.Suggest"/>.</summary>
public sealed record RankerOptions
{
    /// <summary>The defaults.</summary>
    public static RankerOptions Default { get; } = new();

    /// <summary>List examination a product needs before its click rate is quoted.</summary>
    public double MinExaminationForRates { get; init; } = 5;

    /// <summary>Quote the CTR when it is at least this multiple of the stream average.</summary>
    public double CtrRatioToMention { get; init; } = 1.2;

    /// <summary>Clicks a product needs before its add-to-cart rate is quoted.</summary>
    public int MinClicksForCartRate { get; init; } = 5;

    /// <summary>Mention a cross-stream trend when recent CTR is at least this multiple of the prior CTR.</summary>
    public double TrendRatioToMention { get; init; } = 1.3;

    /// <summary>Recent cross-stream list examination needed before a trend is mentioned.</summary>
    public double MinExaminationForTrend { get; init; } = 20;

    /// <summary>Mention "not pinned for N min" from this many minutes on.</summary>
    public int StalePinMinutes { get; init; } = 10;

    /// <summary>Mention low stock at or below this many units (but above 0).</summary>
    public int LowStockThreshold { get; init; } = 5;

    /// <summary>Below this many impressions a product counts as new (and is said to be explored).</summary>
    public int NewProductImpressions { get; init; } = 30;
}
