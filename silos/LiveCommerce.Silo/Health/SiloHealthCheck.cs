using LiveCommerce.Abstractions.Streams;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveCommerce.Silo.Health;

/// <summary>Ready when the host has started and a grain answers through the cluster.</summary>
public sealed class SiloHealthCheck(IHostApplicationLifetime lifetime, IGrainFactory grains) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The engine is still starting.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        await grains.GetGrain<ILiveStreamGrain>("health-probe").GetAsync().WaitAsync(timeout.Token);
        return HealthCheckResult.Healthy();
    }
}
