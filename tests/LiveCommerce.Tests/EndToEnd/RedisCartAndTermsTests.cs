using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>The cart and seller-terms scenarios in cluster mode against Redis.</summary>
public sealed class RedisCartAndTermsTests(RedisCommerceEngineFixture fixture) : CartAndTermsScenarios, IClassFixture<RedisCommerceEngineFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;
}
