namespace LiveCommerce.Ranking;

/// <summary>
/// One product of a stream snapshot, as the engine sees it: raw engagement counts in this stream,
/// the product's click-through trend across streams, price, stock and pin state.
/// The engine builds one per product from its engagement counters; the ranker turns it into a
/// fixed feature vector (see <see cref="Features.CandidateFeaturizer"/>). Counts are plain numbers,
/// not rates: the ranker smooths them itself, so a product with 3 impressions is not mistaken for a hit.
/// A candidate is viewer-independent; viewer affinities come from <see cref="RankingContext.Viewer"/>,
/// so one candidate array can be shared by every viewer of a stream.
/// </summary>
public sealed record RankingCandidate
{
    /// <summary>Stable product id (also the key of <see cref="ViewerAffinities.Products"/>).</summary>
    public required string ProductId { get; init; }

    /// <summary>Category id, the key of <see cref="ViewerAffinities.Categories"/>; <see langword="null"/> if unknown.</summary>
    public string? CategoryId { get; init; }

    /// <summary>Seller id, the key of <see cref="ViewerAffinities.Sellers"/>; <see langword="null"/> if unknown.</summary>
    public string? SellerId { get; init; }

    /// <summary>Kind of seller; decides how the fair-exposure re-ranker treats the product.</summary>
    public SellerKind SellerKind { get; init; }

    /// <summary>Times the product was shown to a viewer in this stream.</summary>
    public long Impressions { get; init; }

    /// <summary>Times a viewer opened the product card in this stream.</summary>
    public long Clicks { get; init; }

    /// <summary>Add-to-cart events in this stream.</summary>
    public long AddToCarts { get; init; }

    /// <summary>Purchases in this stream.</summary>
    public long Purchases { get; init; }

    /// <summary>Revenue of those purchases in minor currency units (e.g. cents).</summary>
    public long RevenueMinor { get; init; }

    /// <summary>Impressions across this creator's streams in the recent trend window (e.g. the last 7 days).</summary>
    public long RecentImpressions { get; init; }

    /// <summary>Clicks across streams in the recent trend window.</summary>
    public long RecentClicks { get; init; }

    /// <summary>Impressions across streams in the older comparison window (e.g. the 28 days before the recent window).</summary>
    public long PriorImpressions { get; init; }

    /// <summary>Clicks across streams in the older comparison window.</summary>
    public long PriorClicks { get; init; }

    /// <summary>Unit price in minor currency units.</summary>
    public long PriceMinor { get; init; }

    /// <summary>Number of decimal digits of the currency (2 for EUR, 0 for JPY); converts minor units to major units.</summary>
    public int CurrencyDigits { get; init; } = 2;

    /// <summary>ISO 4217 code shown in reasons next to revenue, e.g. <c>"EUR"</c>; <see langword="null"/> to show the bare amount.</summary>
    public string? CurrencyCode { get; init; }

    /// <summary>Units left in stock; <see langword="null"/> when stock is not tracked. Zero means sold out.</summary>
    public int? StockLeft { get; init; }

    /// <summary>Seconds since the creator last pinned this product in this stream; <see langword="null"/> if never pinned.</summary>
    public double? SecondsSinceLastPinned { get; init; }

    /// <summary>Whether the product is pinned right now (it is then never suggested as the next pin).</summary>
    public bool IsPinned { get; init; }
}
