namespace LiveCommerce.Tests.Engagement;

/// <summary>The engagement host in the embedded default.</summary>
public sealed class EmbeddedEngagementFixture : EngagementEngineFixture
{
    /// <inheritdoc />
    protected override string? Redis => null;
}
