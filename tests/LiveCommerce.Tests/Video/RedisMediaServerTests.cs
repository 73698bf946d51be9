using LiveCommerce.Testing;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.Video;

/// <summary>The media-server scenario in cluster mode: the video's state in Redis, <c>VideoStatus</c> through the backplane.</summary>
public sealed class RedisMediaServerTests(ITestOutputHelper output) : MediaServerScenarios(output)
{
    /// <inheritdoc />
    protected override string? Redis => RedisServer.ConnectionString;
}
