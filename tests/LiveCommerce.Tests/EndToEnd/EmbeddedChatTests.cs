using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>The chat scenarios against the embedded default.</summary>
public sealed class EmbeddedChatTests(EmbeddedEngineFixture fixture) : ChatScenarios, IClassFixture<EmbeddedEngineFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;
}
