using Xunit.Abstractions;

namespace LiveCommerce.Tests.Video;

/// <summary>The media-server scenario against the embedded default.</summary>
public sealed class EmbeddedMediaServerTests(ITestOutputHelper output) : MediaServerScenarios(output)
{
    /// <inheritdoc />
    protected override string? Redis => null;
}
