using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>The scenarios against the embedded default: in-memory clustering and storage.</summary>
public sealed class EmbeddedEngineTests(EmbeddedEngineFixture fixture) : EngineScenarios, IClassFixture<EmbeddedEngineFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;
}
