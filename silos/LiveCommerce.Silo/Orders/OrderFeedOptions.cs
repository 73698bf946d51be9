namespace LiveCommerce.Silo.Orders;

/// <summary>The order feed in cluster mode (configuration section <c>Orders</c>).</summary>
public sealed class OrderFeedOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Orders";

    /// <summary>The Redis stream confirmed orders are appended to. Default <c>orders</c>.</summary>
    public string StreamKey { get; set; } = "orders";

    /// <summary>About how many entries the stream keeps (older ones are trimmed). Default 1,000,000.</summary>
    public int MaxLength { get; set; } = 1_000_000;
}
