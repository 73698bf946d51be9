using LiveCommerce.Contracts.Commerce;

namespace LiveCommerce.Grains.Orders;

/// <summary>
/// Where confirmed orders go for the platform's payment and fulfilment systems. In cluster mode the host
/// appends each one, as JSON, to a Redis stream; the embedded default keeps no feed. Delivery is at least
/// once: consumers deduplicate by order id.
/// </summary>
public interface IOrderFeed
{
    /// <summary>Publishes a confirmed order.</summary>
    Task PublishAsync(Order order, CancellationToken cancellationToken = default);
}
