using LiveCommerce.Testing;

namespace LiveCommerce.Tests.Infrastructure;

/// <summary>
/// An engine host with a short hold period (3 s), so holds lapse within a test; embedded by default, or in
/// cluster mode against the test Redis.
/// </summary>
public class CommerceEngineFixture : IAsyncLifetime
{
    /// <summary>The hold period the fixture configures.</summary>
    public static readonly TimeSpan HoldPeriod = TimeSpan.FromSeconds(3);

    private readonly bool _redis;

    /// <summary>An embedded host.</summary>
    public CommerceEngineFixture()
        : this(redis: false)
    {
    }

    /// <summary>A host in the given mode.</summary>
    protected CommerceEngineFixture(bool redis) => _redis = redis;

    /// <summary>The host.</summary>
    public EngineHost Host { get; private set; } = null!;

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        Host = new EngineHost(_redis ? RedisServer.ConnectionString : null, settings: new Dictionary<string, string?>
        {
            ["FlashOffers:HoldSeconds"] = ((int)HoldPeriod.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:ClaimsPerSecond"] = "50",
            ["Hub:ClaimBurst"] = "50",
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Host.DisposeAsync();
}
