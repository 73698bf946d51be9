using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>The chat scenarios in cluster mode: Redis clustering, grain storage and SignalR backplane.</summary>
public sealed class RedisChatTests(RedisEngineFixture fixture) : ChatScenarios, IClassFixture<RedisEngineFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;
}
