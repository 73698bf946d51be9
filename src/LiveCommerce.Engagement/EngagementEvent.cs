namespace LiveCommerce.Engagement;

/// <summary>
/// One engagement event. Product events (<see cref="EngagementKind.Impression"/>, <see cref="EngagementKind.Click"/>,
/// <see cref="EngagementKind.AddToCart"/>, <see cref="EngagementKind.Purchase"/>) name the product and, where the
/// caller knows them, its seller, seller kind and category; stream events (reaction, comment, join, leave) need
/// only the stream and the viewer. Use the factory methods; they fill the right fields.
/// </summary>
public readonly record struct EngagementEvent
{
    /// <summary>What happened.</summary>
    public required EngagementKind Kind { get; init; }

    /// <summary>The stream it happened in.</summary>
    public required string StreamId { get; init; }

    /// <summary>The product, for product events.</summary>
    public string? ProductId { get; init; }

    /// <summary>
    /// Who: the user's <c>sub</c>, or <c>conn:</c> + the connection id for an anonymous viewer (see
    /// <see cref="ViewerKey"/>). Null for aggregated impressions (a pin shown to the whole audience).
    /// </summary>
    public string? ViewerId { get; init; }

    /// <summary>Whether <see cref="ViewerId"/> is a connection id (no affinities are kept for it).</summary>
    public bool Anonymous { get; init; }

    /// <summary>The product's seller (<c>sub</c>), if known: keys the viewer's seller affinity.</summary>
    public string? SellerId { get; init; }

    /// <summary>The product's seller kind (<c>local-sme</c>, <c>brand</c>, <c>platform</c>), if known: keys exposure figures.</summary>
    public string? SellerKind { get; init; }

    /// <summary>The product's category, if any: keys the viewer's category affinity.</summary>
    public string? Category { get; init; }

    /// <summary>Where an impression was shown, or where a click came from.</summary>
    public EngagementSurface Surface { get; init; }

    /// <summary>The 1-based position of a list impression, or of the product a list click opened, in the ranked list shown; 0 when unknown.</summary>
    public int Position { get; init; }

    /// <summary>How much attention a list impression's position gets, 0 to 1 (the ranker's examination weight); 0 otherwise.</summary>
    public double Examination { get; init; }

    /// <summary>How many: impressions shown (a pin counts one per viewer watching), units carted or bought; 1 otherwise.</summary>
    public long Count { get; init; }

    /// <summary>Revenue of a purchase in whole minor units of <see cref="Currency"/> (never floating point).</summary>
    public long RevenueMinor { get; init; }

    /// <summary>ISO 4217 code of <see cref="RevenueMinor"/>.</summary>
    public string? Currency { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The viewer id the engine records: the user's <c>sub</c>, or <c>conn:</c> + connection id when anonymous.</summary>
    /// <param name="userId">The <c>sub</c>, or null.</param>
    /// <param name="connectionId">The hub connection id.</param>
    /// <returns>The viewer id.</returns>
    public static string ViewerKey(string? userId, string connectionId) => userId ?? "conn:" + connectionId;

    /// <summary>Impressions of one product.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="product">The product shown.</param>
    /// <param name="viewerId">The viewer it was shown to, or null for an aggregate (see <paramref name="count"/>).</param>
    /// <param name="anonymous">Whether <paramref name="viewerId"/> is a connection id.</param>
    /// <param name="surface">Where it was shown.</param>
    /// <param name="count">How many impressions (viewers watching, for a pin).</param>
    /// <param name="at">When.</param>
    /// <returns>The event.</returns>
    public static EngagementEvent Impression(
        string streamId, in ProductFacts product, string? viewerId, bool anonymous, EngagementSurface surface, long count, DateTimeOffset at) =>
        Product(EngagementKind.Impression, streamId, product, viewerId, anonymous, count, at) with { Surface = surface };

    /// <summary>One impression of a product at a position of the ranked list a viewer was shown.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="product">The product shown.</param>
    /// <param name="viewerId">The viewer it was shown to.</param>
    /// <param name="anonymous">Whether <paramref name="viewerId"/> is a connection id.</param>
    /// <param name="position">Its 1-based position in the list.</param>
    /// <param name="examination">The examination weight of that position, 0 to 1.</param>
    /// <param name="at">When.</param>
    /// <returns>The event.</returns>
    public static EngagementEvent ListImpression(
        string streamId, in ProductFacts product, string viewerId, bool anonymous, int position, double examination, DateTimeOffset at) =>
        Impression(streamId, product, viewerId, anonymous, EngagementSurface.List, 1, at) with { Position = position, Examination = examination };

    /// <summary>A viewer opened a product card.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="product">The product.</param>
    /// <param name="viewerId">The viewer id (<see cref="ViewerKey"/>).</param>
    /// <param name="anonymous">Whether <paramref name="viewerId"/> is a connection id.</param>
    /// <param name="at">When.</param>
    /// <returns>The event.</returns>
    /// <param name="surface">Where the card was opened from: the list, the pinned card, an offer or the chat.</param>
    public static EngagementEvent Click(
        string streamId, in ProductFacts product, string viewerId, bool anonymous, DateTimeOffset at, EngagementSurface surface = EngagementSurface.List) =>
        Product(EngagementKind.Click, streamId, product, viewerId, anonymous, 1, at) with { Surface = surface };

    /// <summary>A viewer added units to the cart.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="product">The product.</param>
    /// <param name="viewerId">The buyer's <c>sub</c>.</param>
    /// <param name="quantity">Units added.</param>
    /// <param name="at">When.</param>
    /// <returns>The event.</returns>
    public static EngagementEvent AddToCart(string streamId, in ProductFacts product, string viewerId, int quantity, DateTimeOffset at) =>
        Product(EngagementKind.AddToCart, streamId, product, viewerId, false, quantity, at);

    /// <summary>Units bought in a confirmed order.</summary>
    /// <param name="streamId">The stream the units were bought from.</param>
    /// <param name="product">The product.</param>
    /// <param name="buyerId">The buyer's <c>sub</c>.</param>
    /// <param name="quantity">Units bought.</param>
    /// <param name="revenueMinor">What they cost in total, in whole minor units.</param>
    /// <param name="currency">ISO 4217 code.</param>
    /// <param name="at">When the order was confirmed.</param>
    /// <returns>The event.</returns>
    public static EngagementEvent Purchase(
        string streamId, in ProductFacts product, string buyerId, int quantity, long revenueMinor, string currency, DateTimeOffset at) =>
        Product(EngagementKind.Purchase, streamId, product, buyerId, false, quantity, at) with { RevenueMinor = revenueMinor, Currency = currency };

    /// <summary>A stream-level event: reaction, comment, join or leave.</summary>
    /// <param name="kind">One of <see cref="EngagementKind.Reaction"/>, <see cref="EngagementKind.Comment"/>, <see cref="EngagementKind.Join"/>, <see cref="EngagementKind.Leave"/>.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="viewerId">The viewer id (<see cref="ViewerKey"/>).</param>
    /// <param name="anonymous">Whether <paramref name="viewerId"/> is a connection id.</param>
    /// <param name="at">When.</param>
    /// <returns>The event.</returns>
    public static EngagementEvent Stream(EngagementKind kind, string streamId, string viewerId, bool anonymous, DateTimeOffset at) => new()
    {
        Kind = kind,
        StreamId = streamId,
        ViewerId = viewerId,
        Anonymous = anonymous,
        Count = 1,
        Timestamp = at,
    };

    private static EngagementEvent Product(
        EngagementKind kind, string streamId, in ProductFacts product, string? viewerId, bool anonymous, long count, DateTimeOffset at) => new()
    {
        Kind = kind,
        StreamId = streamId,
        ProductId = product.ProductId,
        SellerId = product.SellerId,
        SellerKind = product.SellerKind,
        Category = product.Category,
        ViewerId = viewerId,
        Anonymous = anonymous,
        Count = count,
        Timestamp = at,
    };
}
