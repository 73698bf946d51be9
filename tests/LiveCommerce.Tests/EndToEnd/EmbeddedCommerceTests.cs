using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>The commerce scenarios against the embedded default.</summary>
public sealed class EmbeddedCommerceTests(CommerceEngineFixture fixture) : CommerceScenarios, IClassFixture<CommerceEngineFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;
}
