namespace LiveCommerce.Engagement.Storage;

/// <summary>
/// The logical keys and fields of the engagement data, shared by both stores (Redis prefixes them with
/// <see cref="EngagementOptions.KeyPrefix"/>). The layout is documented in <c>docs/engagement.md</c>.
/// </summary>
public static class EngagementKeys
{
    /// <summary>Separates a product id from a counter name inside a field; product ids never contain it.</summary>
    public const char Separator = '|';

    /// <summary>Impressions counter.</summary>
    public const string Impressions = "imp";

    /// <summary>Clicks counter.</summary>
    public const string Clicks = "clk";

    /// <summary>Units added to carts.</summary>
    public const string AddToCarts = "cart";

    /// <summary>Units bought.</summary>
    public const string Purchases = "buy";

    /// <summary>
    /// Examination of list impressions in millionths: a product shown at a position of a ranked list adds the weight of
    /// that position (the ranker's 1/log2(1 + position), see <see cref="EngagementEvent.Examination"/>).
    /// </summary>
    public const string Examination = "exam";

    /// <summary>Clicks from the ranked list (surface <c>list</c>), the only clicks that credit the list's ranking.</summary>
    public const string ListClicks = "lclk";

    /// <summary>Add-to-cart actions (one per call, whatever the quantity).</summary>
    public const string CartActions = "carts";

    /// <summary>Purchase actions (one per product line of a confirmed order, whatever the quantity).</summary>
    public const string PurchaseActions = "buys";

    /// <summary>The last position counted on its own by <see cref="PositionImpressions"/>; lower positions count with it.</summary>
    public const int MaxCountedPosition = 50;

    /// <summary>Millionths per unit of <see cref="Examination"/>.</summary>
    public const double ExaminationScale = 1_000_000.0;

    /// <summary>Revenue counter prefix: <c>rev|IDR</c>.</summary>
    public const string Revenue = "rev";

    /// <summary>Reactions (stream hash).</summary>
    public const string Reactions = "reactions";

    /// <summary>Comments (stream hash).</summary>
    public const string Comments = "comments";

    /// <summary>Joins (stream hash).</summary>
    public const string Joins = "joins";

    /// <summary>Joins minus leaves (stream hash).</summary>
    public const string Viewers = "viewers";

    /// <summary>Highest <see cref="Viewers"/> (stream hash).</summary>
    public const string Peak = "peak";

    /// <summary>The seller kind of products whose kind was not given.</summary>
    public const string UnknownKind = "unknown";

    /// <summary>Stream hash: reactions, comments, joins, viewers, peak.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>The key.</returns>
    public static string Stream(string streamId) => "s:" + streamId;

    /// <summary>HyperLogLog (a set in memory) of the stream's viewers.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>The key.</returns>
    public static string StreamViewers(string streamId) => "s:" + streamId + ":u";

    /// <summary>Hash of per-product counters in one stream: <c>{productId}|imp</c>, <c>|clk</c>, <c>|cart</c>, <c>|buy</c>, <c>|rev|CUR</c>,
    /// and for the ranker <c>|exam</c>, <c>|lclk</c>, <c>|carts</c>, <c>|buys</c>.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>The key.</returns>
    public static string StreamProducts(string streamId) => "s:" + streamId + ":p";

    /// <summary>Hash of impressions, clicks and examination by seller kind in one stream: <c>imp|local-sme</c>, <c>clk|brand</c>, <c>exam|platform</c>, ...</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>The key.</returns>
    public static string StreamKinds(string streamId) => "s:" + streamId + ":k";

    /// <summary>Hash of the last pin time (Unix ms) of each product in one stream.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>The key.</returns>
    public static string StreamPins(string streamId) => "s:" + streamId + ":pin";

    /// <summary>Hash of one product's counters across all streams: <c>imp</c>, <c>clk</c>, <c>cart</c>, <c>buy</c>, <c>rev|CUR</c>.</summary>
    /// <param name="productId">The product.</param>
    /// <returns>The key.</returns>
    public static string Product(string productId) => "p:" + productId;

    /// <summary>Hash of every product's list examination and list clicks in one time bucket, across streams: <c>{productId}|exam</c>, <c>|lclk</c>.</summary>
    /// <param name="bucket">The bucket number: Unix seconds divided by the bucket width.</param>
    /// <returns>The key.</returns>
    public static string Trend(long bucket) => "t:" + bucket.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Hash of one viewer's decayed affinity scores: <c>c|{category}</c>, <c>s|{sellerId}</c>, <c>p|{productId}</c>
    /// (weighted opens, carts and purchases); the viewer's looks and list clicks, <c>e|{productId}</c> and
    /// <c>o|{productId}</c>, <c>f|{category}</c> and <c>g|{category}</c> (Σ e(k) of the list impressions, and list
    /// clicks); and <c>_t</c> (Unix seconds of the last decay).
    /// </summary>
    /// <param name="viewerId">The viewer's <c>sub</c>.</param>
    /// <returns>The key.</returns>
    public static string Viewer(string viewerId) => "v:" + viewerId;

    /// <summary>A per-product field of a stream hash.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="counter">The counter name.</param>
    /// <returns>The field.</returns>
    public static string Field(string productId, string counter) => productId + Separator + counter;

    /// <summary>The revenue counter of a currency.</summary>
    /// <param name="currency">ISO 4217 code.</param>
    /// <returns><c>rev|CUR</c>.</returns>
    public static string RevenueOf(string currency) => Revenue + Separator + currency;

    /// <summary>List impressions of a product at one position: <c>pi{position}</c> (the ranker fits its position curve from these).</summary>
    /// <param name="position">The 1-based position; beyond <see cref="MaxCountedPosition"/> counts as that.</param>
    /// <returns>The counter name.</returns>
    public static string PositionImpressions(int position) => "pi" + Math.Clamp(position, 1, MaxCountedPosition).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>List clicks of a product shown at one position: <c>pc{position}</c>.</summary>
    /// <param name="position">The 1-based position; beyond <see cref="MaxCountedPosition"/> counts as that.</param>
    /// <returns>The counter name.</returns>
    public static string PositionClicks(int position) => "pc" + Math.Clamp(position, 1, MaxCountedPosition).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An examination weight in millionths; weights outside [0, 1] (or NaN) are clamped.</summary>
    /// <param name="weight">The weight of one list impression.</param>
    /// <returns>The weight in millionths.</returns>
    public static long ExaminationMicros(double weight) =>
        double.IsNaN(weight) ? 0 : (long)Math.Round(Math.Clamp(weight, 0.0, 1.0) * ExaminationScale);

    /// <summary>The trend bucket of a time.</summary>
    /// <param name="at">The time.</param>
    /// <param name="width">The bucket width.</param>
    /// <returns>The bucket number.</returns>
    public static long BucketOf(DateTimeOffset at, TimeSpan width) =>
        (long)Math.Floor(at.ToUnixTimeMilliseconds() / width.TotalMilliseconds);
}
