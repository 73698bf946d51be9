using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>The commerce scenarios in cluster mode against Redis.</summary>
public sealed class RedisCommerceTests(RedisCommerceEngineFixture fixture) : CommerceScenarios, IClassFixture<RedisCommerceEngineFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;
}
