using LiveCommerce.Testing;


namespace LiveCommerce.Tests.Engagement;

/// <summary>The engagement scenarios in the embedded default (in-process store).</summary>
public sealed class EmbeddedEngagementTests(EmbeddedEngagementFixture fixture) : EngagementScenarios, IClassFixture<EmbeddedEngagementFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;

    [Fact]
    public void An_exposure_floor_outside_0_to_1_stops_the_engine_at_start()
    {
        var settings = new Dictionary<string, string?>(EngagementEngineFixture.Settings) { ["Ranking:LocalSellerExposureFloor"] = "1.5" };
        var error = Assert.ThrowsAny<Exception>(() => new EngineHost(settings: settings).Dispose());
        Assert.Contains("LocalSellerExposureFloor", error.ToString(), StringComparison.Ordinal);
    }
}
