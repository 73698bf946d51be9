using System.Text.Json;
using Order = LiveCommerce.Contracts.Commerce.Order;
using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Grains.Orders;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace LiveCommerce.Silo.Orders;

/// <summary>
/// Appends each confirmed order to the Redis stream <c>{ServiceId}:{StreamKey}</c> (<c>livecommerce:orders</c> by
/// default) as the fields <c>id</c> (the order id) and <c>order</c> (the order as JSON). The append never trims:
/// <see cref="OrderFeedTrimmer"/> removes only what every consumer group has acknowledged. Publishing the same order
/// again within <see cref="OrderFeedOptions.PublishedMarkerTtl"/> appends nothing and answers the first entry's id,
/// so callers may retry freely; delivery stays at least once and consumers deduplicate by <c>id</c>.
/// </summary>
public sealed class RedisOrderFeed : IOrderFeed
{
    // Appends, then remembers the entry id under the order's marker; an order already marked is not appended again.
    // The marker is written after the append, so a failed append leaves no marker and the retry appends.
    private const string PublishScript = """
        local seen = redis.call('GET', KEYS[2])
        if seen then return seen end
        local entry = redis.call('XADD', KEYS[1], '*', 'id', ARGV[1], 'order', ARGV[2])
        redis.call('SET', KEYS[2], entry, 'PX', ARGV[3])
        return entry
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly OrderFeedOptions _options;
    private readonly string _serviceId;

    /// <summary>Creates the feed.</summary>
    /// <param name="redis">The engine's Redis connection.</param>
    /// <param name="options">The stream name and marker lifetime.</param>
    /// <param name="cluster">The Orleans cluster options; their service id prefixes the stream key.</param>
    public RedisOrderFeed(IConnectionMultiplexer redis, IOptions<OrderFeedOptions> options, IOptions<ClusterOptions> cluster)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cluster);
        _redis = redis;
        _options = options.Value;
        _serviceId = cluster.Value.ServiceId;
    }

    /// <summary>The Redis key of the stream.</summary>
    public string StreamKey => _options.StreamKeyFor(_serviceId);

    /// <inheritdoc />
    public async Task PublishAsync(Order order, CancellationToken cancellationToken = default) =>
        await AppendAsync(order, cancellationToken);

    /// <summary>Appends <paramref name="order"/> unless it was appended within the marker's lifetime.</summary>
    /// <param name="order">The confirmed order.</param>
    /// <param name="cancellationToken">Cancels before the append is sent.</param>
    /// <returns>The stream entry id of the order (the first one, when it was already appended).</returns>
    public async Task<string> AppendAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        cancellationToken.ThrowIfCancellationRequested();
        var result = await _redis.GetDatabase().ScriptEvaluateAsync(
            PublishScript,
            [(RedisKey)StreamKey, (RedisKey)_options.PublishedKeyFor(_serviceId, order.Id)],
            [order.Id, JsonSerializer.Serialize(order, LiveJson.Options), (long)_options.PublishedMarkerTtl.TotalMilliseconds]);
        return result.ToString();
    }
}
