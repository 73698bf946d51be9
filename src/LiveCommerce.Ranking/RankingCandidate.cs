using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Ranking;

/// <summary>
/// One product of a stream snapshot, as the engine sees it: raw engagement counts in this stream, the product's
/// cross-stream trend, price, stock and pin state. Counts are plain numbers, not rates: the ranker smooths them itself,
/// so a product with 3 impressions is not mistaken for a hit. A candidate is viewer-independent (viewer affinities come
/// from <see cref="RankingContext.Viewer"/>), so one candidate array is shared by every viewer of a stream.
/// </summary>
public sealed record RankingCandidate
{
    /// <summary>Stable product id (also the key of <see cref="ViewerAffinities.Products"/>).</summary>
    public required string ProductId { get; init; }

    /// <summary>Category id, the key of <see cref="ViewerAffinities.Categories"/>; <see langword="null"/> if unknown.</summary>
    public string? CategoryId { get; init; }

    /// <summary>Seller id, the key of <see cref="ViewerAffinities.Sellers"/>; <see langword="null"/> if unknown.</summary>
    public string? SellerId { get; init; }

    /// <summary>
    /// The seller kind the exposure floor goes by: <see cref="SellerKind.LocalSme"/> only for a seller verified as
    /// local, <see cref="SellerKind.Platform"/> for every product of a seller verified as (or labelled) platform.
    /// </summary>
    public SellerKind SellerKind { get; init; }

    /// <summary>Times the product was shown in this stream, on any surface (for reasons).</summary>
    public long Impressions { get; init; }

    /// <summary>
    /// Examination of its list impressions in this stream: Σ of the attention each position it was shown at gets (the
    /// engine uses the stream's fitted <see cref="Features.PositionCurve"/>). Click rates are list clicks over this, which
    /// takes position bias out of them.
    /// </summary>
    public double Examination { get; init; }

    /// <summary>List impressions in this stream by position (index 0 = position 1): what <see cref="Features.PositionCurve"/> is fitted from.</summary>
    public IReadOnlyList<long> PositionImpressions { get; init; } = [];

    /// <summary>List clicks in this stream by the position the product was shown at (index 0 = position 1).</summary>
    public IReadOnlyList<long> PositionClicks { get; init; } = [];

    /// <summary>Clicks from the ranked list in this stream (the pinned card, offers and the chat don't count).</summary>
    public long ListClicks { get; init; }

    /// <summary>Cards opened in this stream from any surface.</summary>
    public long Clicks { get; init; }

    /// <summary>Add-to-cart actions in this stream (not units).</summary>
    public long CartActions { get; init; }

    /// <summary>Purchase actions (order lines, not units) in this stream.</summary>
    public long PurchaseActions { get; init; }

    /// <summary>Units sold in this stream (for reasons).</summary>
    public long UnitsSold { get; init; }

    /// <summary>Revenue in this stream in minor currency units.</summary>
    public long RevenueMinor { get; init; }

    /// <summary>List examination across streams in the recent trend window.</summary>
    public double RecentExamination { get; init; }

    /// <summary>List clicks across streams in the recent trend window.</summary>
    public long RecentClicks { get; init; }

    /// <summary>List examination across streams in the older comparison window.</summary>
    public double PriorExamination { get; init; }

    /// <summary>List clicks across streams in the older comparison window.</summary>
    public long PriorClicks { get; init; }

    /// <summary>Unit price in minor currency units.</summary>
    public long PriceMinor { get; init; }

    /// <summary>Decimal digits of the currency (2 for EUR, 0 for IDR); converts minor units to major units.</summary>
    public int CurrencyDigits { get; init; } = 2;

    /// <summary>ISO 4217 code shown in reasons next to revenue; <see langword="null"/> to show the bare amount.</summary>
    public string? CurrencyCode { get; init; }

    /// <summary>Units left in stock; <see langword="null"/> when stock is not tracked. Zero means sold out.</summary>
    public int? StockLeft { get; init; }

    /// <summary>Seconds since the creator last pinned this product in this stream; <see langword="null"/> if never pinned.</summary>
    public double? SecondsSinceLastPinned { get; init; }

    /// <summary>Whether the product is pinned right now (it is then never suggested as the next pin).</summary>
    public bool IsPinned { get; init; }
}
