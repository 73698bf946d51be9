using LiveCommerce.Grains.Offers;
using LiveCommerce.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace LiveCommerce.Tests.Model;

/// <summary>
/// A one-silo Orleans test cluster for the model test: the engine's grains, in-memory storage and reminders, and a
/// <see cref="FakeTimeProvider"/> as the grains' <see cref="TimeProvider"/>, so holds lapse and offers end when the
/// test advances the time (grain timers still run on real time: the test makes a call that processes what is due).
/// </summary>
public sealed class ModelClusterFixture : IAsyncLifetime
{
    /// <summary>How long a claim holds a unit in this cluster.</summary>
    public const int HoldSeconds = 20;

    /// <summary>The grains' clock (one per test process: the silo is in-process).</summary>
    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The cluster.</summary>
    public TestCluster Cluster { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => EngineGrainSilo.ConfigureEngineGrains(siloBuilder, Time, services =>
            services.Configure<FlashOfferOptions>(options =>
            {
                options.HoldSeconds = HoldSeconds;
                options.HoldPageSize = 2;
            }));
    }
}
