using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Grains.Orders;

namespace LiveCommerce.Silo.Orders;

/// <summary>The embedded default has no platform systems to feed: orders are kept in their grains only.</summary>
public sealed class NoOrderFeed : IOrderFeed
{
    /// <inheritdoc />
    public Task PublishAsync(Order order, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
