using System.Text.Json;
using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Grains.Orders;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveCommerce.Silo.Orders;

/// <summary>Appends each confirmed order, as JSON, to a Redis stream (<c>orders</c> by default).</summary>
public sealed class RedisOrderFeed(IConnectionMultiplexer redis, IOptions<OrderFeedOptions> options) : IOrderFeed
{
    /// <inheritdoc />
    public async Task PublishAsync(LiveCommerce.Contracts.Commerce.Order order, CancellationToken cancellationToken = default)
    {
        var feed = options.Value;
        await redis.GetDatabase().StreamAddAsync(
            feed.StreamKey,
            [new NameValueEntry("id", order.Id), new NameValueEntry("order", JsonSerializer.Serialize(order, LiveJson.Options))],
            maxLength: feed.MaxLength,
            useApproximateMaxLength: true);
    }
}
