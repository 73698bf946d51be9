using LiveCommerce.Testing;


namespace LiveCommerce.Tests.Engagement;

/// <summary>
/// One engine host for the engagement scenarios: a short flush interval, and the ranking model synced only when a
/// test asks (<c>RankingSync.SyncAsync</c>), so model changes never race a test.
/// </summary>
public abstract class EngagementEngineFixture : IAsyncLifetime
{
    /// <summary>The settings of the engagement hosts.</summary>
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Engagement:FlushInterval"] = "00:00:00.020",
        ["Ranking:SyncInterval"] = "01:00:00",
        ["Ranking:CandidateCacheDuration"] = "00:00:00",
    };

    /// <summary>The host.</summary>
    public EngineHost Host { get; private set; } = null!;

    /// <summary>The Redis of cluster mode, or null.</summary>
    protected abstract string? Redis { get; }

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        Host = new EngineHost(Redis, settings: Settings);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Host.DisposeAsync();
}
