using LiveCommerce.Testing;


namespace LiveCommerce.Tests.Engagement;

/// <summary>The engagement host in cluster mode against the test Redis.</summary>
public sealed class RedisEngagementFixture : EngagementEngineFixture
{
    /// <inheritdoc />
    protected override string? Redis => RedisServer.ConnectionString;
}
