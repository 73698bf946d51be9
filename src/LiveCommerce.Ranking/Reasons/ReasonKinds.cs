namespace LiveCommerce.Ranking.Reasons;

/// <summary>The kinds of <see cref="RankingReason"/>: wire names, stable across releases.</summary>
public static class ReasonKinds
{
    /// <summary>Opened more often than the stream average by viewers who saw it in the list.</summary>
    public const string ClickRate = "click-rate";

    /// <summary>Added to cart by many of those who opened it.</summary>
    public const string CartRate = "cart-rate";

    /// <summary>Units sold in this stream.</summary>
    public const string Sales = "sales";

    /// <summary>Its click rate is rising across streams (another seller's trend is not quoted to a creator).</summary>
    public const string Trend = "trend";

    /// <summary>Not pinned yet, or not for a while.</summary>
    public const string Pin = "pin";

    /// <summary>Sold by a verified local seller.</summary>
    public const string LocalSeller = "local-seller";

    /// <summary>Few units left.</summary>
    public const string LowStock = "low-stock";

    /// <summary>New, being explored.</summary>
    public const string Exploring = "exploring";

    /// <summary>Nothing stands out.</summary>
    public const string Steady = "steady";
}
