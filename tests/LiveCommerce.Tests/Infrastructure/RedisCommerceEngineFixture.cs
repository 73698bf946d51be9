namespace LiveCommerce.Tests.Infrastructure;

/// <summary>The commerce fixture in cluster mode against the test Redis.</summary>
public sealed class RedisCommerceEngineFixture : CommerceEngineFixture
{
    /// <summary>A host in cluster mode.</summary>
    public RedisCommerceEngineFixture()
        : base(redis: true)
    {
    }
}
