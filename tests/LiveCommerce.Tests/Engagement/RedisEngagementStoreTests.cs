using LiveCommerce.Engagement;
using LiveCommerce.Engagement.Storage;
using LiveCommerce.Testing;
using StackExchange.Redis;

namespace LiveCommerce.Tests.Engagement;

/// <summary>The store contract against a real Redis (the test Redis; never skipped).</summary>
public sealed class RedisEngagementStoreTests : EngagementStoreContract, IDisposable
{
    private readonly ConnectionMultiplexer _redis = ConnectionMultiplexer.Connect(RedisServer.ConnectionString);

    /// <inheritdoc />
    protected override IEngagementStore Store => new RedisEngagementStore(_redis, Options);

    /// <inheritdoc />
    public void Dispose() => _redis.Dispose();
}
