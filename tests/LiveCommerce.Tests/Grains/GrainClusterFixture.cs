using LiveCommerce.Grains.Streams;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace LiveCommerce.Tests.Grains;

/// <summary>An Orleans test cluster of two silos running the engine's grains with in-memory storage.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    /// <summary>The cluster.</summary>
    public TestCluster Cluster { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => EngineGrainSilo.ConfigureEngineGrains(siloBuilder, TimeProvider.System, services =>
            services.Configure<LiveStreamOptions>(options =>
            {
                options.ViewerCountInterval = TimeSpan.FromMilliseconds(200);
                options.PresenceTimeout = TimeSpan.FromSeconds(1);
            }));
    }
}
