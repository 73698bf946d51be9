using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>The seller verification scenarios against the embedded default.</summary>
public sealed class EmbeddedSellerVerificationTests(EmbeddedEngineFixture fixture, ITestOutputHelper output)
    : SellerVerificationScenarios, IClassFixture<EmbeddedEngineFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;

    /// <inheritdoc />
    protected override ITestOutputHelper Output => output;
}
