using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace LiveCommerce.Silo.Health;

/// <summary>Ready when Redis answers a PING.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var latency = await redis.GetDatabase().PingAsync();
        return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F1} ms");
    }
}
