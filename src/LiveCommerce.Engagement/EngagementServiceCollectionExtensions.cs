using LiveCommerce.Engagement.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveCommerce.Engagement;

/// <summary>Registers the engagement pipeline and its store.</summary>
public static class EngagementServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IEngagementRecorder"/> (the <see cref="EngagementPipeline"/>, also run as a hosted service) and
    /// <see cref="IEngagementStore"/>: the <see cref="RedisEngagementStore"/> when the host registered an
    /// <see cref="IConnectionMultiplexer"/> (cluster mode), else the <see cref="InMemoryEngagementStore"/>. Settings
    /// come from the <c>Engagement</c> section and are validated at start; the Redis key prefix defaults to
    /// <c>livecommerce:{Orleans:ServiceId}:eng:</c>.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <returns>The builder.</returns>
    public static TBuilder AddLiveEngagement<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var serviceId = builder.Configuration["Orleans:ServiceId"] ?? "livecommerce";
        builder.Services.AddOptions<EngagementOptions>()
            .Bind(builder.Configuration.GetSection(EngagementOptions.Section))
            .PostConfigure(options =>
            {
                if (string.IsNullOrEmpty(options.KeyPrefix))
                {
                    options.KeyPrefix = $"livecommerce:{serviceId}:eng:";
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EngagementOptions>, EngagementOptionsValidator>();
        builder.Services.AddSingleton<IEngagementStore>(services =>
        {
            var options = services.GetRequiredService<IOptions<EngagementOptions>>().Value;
            return services.GetService<IConnectionMultiplexer>() is { } redis
                ? new RedisEngagementStore(redis, options)
                : new InMemoryEngagementStore(options, services.GetService<TimeProvider>());
        });
        builder.Services.AddSingleton<EngagementPipeline>();
        builder.Services.AddSingleton<IEngagementRecorder>(services => services.GetRequiredService<EngagementPipeline>());
        builder.Services.AddHostedService(services => services.GetRequiredService<EngagementPipeline>());
        return builder;
    }
}
