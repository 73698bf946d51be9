using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>The cart and seller-terms scenarios against the embedded default.</summary>
public sealed class EmbeddedCartAndTermsTests(CommerceEngineFixture fixture) : CartAndTermsScenarios, IClassFixture<CommerceEngineFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;
}
