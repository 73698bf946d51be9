namespace LiveCommerce.Silo.Orders;

/// <summary>
/// The order feed in cluster mode (configuration section <c>Orders</c>). Confirmed orders are appended to the Redis
/// stream <c>{Orleans:ServiceId}:{StreamKey}</c>; entries are trimmed only once every consumer group has acknowledged
/// them, unless <see cref="HardMaxLength"/> is set (see <c>docs/order-feed.md</c>).
/// </summary>
public sealed class OrderFeedOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Orders";

    /// <summary>
    /// The stream's name after the service id: the Redis key is <c>{Orleans:ServiceId}:{StreamKey}</c>, e.g.
    /// <c>livecommerce:orders</c>. Default <c>orders</c>.
    /// </summary>
    public string StreamKey { get; set; } = "orders";

    /// <summary>
    /// How often the trimmer removes the entries every consumer group has acknowledged. Default 30 s.
    /// </summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An optional hard cap on the stream's length, applied after the safe trim (approximately, as
    /// <c>XTRIM MAXLEN ~</c>). This is the only way entries a consumer has not acknowledged, or entries kept because
    /// no consumer group exists yet, can be lost. Default 0: no cap.
    /// </summary>
    public long HardMaxLength { get; set; }

    /// <summary>
    /// How long the feed remembers that an order was appended, so that publishing the same order again (a retry
    /// after an unclear failure, a re-activated grain) appends nothing. Consumers still deduplicate by <c>id</c>:
    /// a publish after this long appends a second entry. Default 7 days.
    /// </summary>
    public TimeSpan PublishedMarkerTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The Redis key of the stream for a service.</summary>
    /// <param name="serviceId">The Orleans service id (<c>Orleans:ServiceId</c>).</param>
    /// <returns><c>{serviceId}:{StreamKey}</c>.</returns>
    public string StreamKeyFor(string serviceId) => serviceId + ":" + StreamKey;

    /// <summary>The key that records that an order was appended.</summary>
    /// <param name="serviceId">The Orleans service id.</param>
    /// <param name="orderId">The order.</param>
    /// <returns><c>{serviceId}:{StreamKey}:published:{orderId}</c>.</returns>
    public string PublishedKeyFor(string serviceId, string orderId) => StreamKeyFor(serviceId) + ":published:" + orderId;
}
