using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveCommerce.Silo.Health;

/// <summary>Health checks: <c>/health/live</c> answers while the process runs, <c>/health/ready</c> when it can serve.</summary>
public static class HealthExtensions
{
    /// <summary>The tag of the checks behind <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Adds the silo check, and the Redis check in cluster mode.</summary>
    public static WebApplicationBuilder AddLiveHealthChecks(this WebApplicationBuilder builder, bool redis)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", HealthStatus.Unhealthy, [ReadyTag]);
        if (redis)
        {
            checks.AddCheck<RedisHealthCheck>("redis", HealthStatus.Unhealthy, [ReadyTag]);
        }

        return builder;
    }
}
