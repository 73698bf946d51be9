using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>The scenarios in cluster mode: Redis clustering, grain storage and SignalR backplane.</summary>
public sealed class RedisEngineTests(RedisEngineFixture fixture) : EngineScenarios, IClassFixture<RedisEngineFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;
}
