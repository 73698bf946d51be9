using System.Threading.RateLimiting;
using LiveCommerce.Silo.Apis;
using LiveCommerce.Silo.Identity;

namespace LiveCommerce.Silo.Hosting;

/// <summary>Limits HTTP requests per caller (configuration section <c>HttpLimits</c>).</summary>
public static class RateLimitExtensions
{
    /// <summary>The requests the limiter sees: the HTTP API.</summary>
    public const string LimitedPath = "/api";

    /// <summary>
    /// Adds a per-caller fixed-window limiter on every <c>/api</c> request; refusals are 429 problem details. The media
    /// server's callbacks (<see cref="MediaServerApi"/>) are left out: one media server reports every push it carries.
    /// </summary>
    public static WebApplicationBuilder AddLiveRateLimits(this WebApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue("HttpLimits:RequestsPerSecond", 100);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments(LimitedPath) && !http.Request.Path.StartsWithSegments(MediaServerApi.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        http.User.UserId() ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = (context, _) => new ValueTask(Problems.WriteAsync(
                context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", "Slow down and retry in a second."));
        });
        return builder;
    }
}
