using LiveCommerce.Engagement.Storage;
using Microsoft.Extensions.Configuration;
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
        builder.Services.AddLiveEngagement(builder.Configuration);
        return builder;
    }

    /// <summary>Adds the engagement pipeline and its store to <paramref name="services"/>, configured from <paramref name="configuration"/>.</summary>
    /// <param name="services">The services (of a host or of an Orleans silo).</param>
    /// <param name="configuration">Configuration with the optional <c>Engagement</c> section and <c>Orleans:ServiceId</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLiveEngagement(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var serviceId = configuration["Orleans:ServiceId"] ?? "livecommerce";
        services.AddOptions<EngagementOptions>()
            .Bind(configuration.GetSection(EngagementOptions.Section))
            .PostConfigure(options =>
            {
                if (string.IsNullOrEmpty(options.KeyPrefix))
                {
                    options.KeyPrefix = $"livecommerce:{serviceId}:eng:";
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EngagementOptions>, EngagementOptionsValidator>();
        services.AddSingleton<IEngagementStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EngagementOptions>>().Value;
            return provider.GetService<IConnectionMultiplexer>() is { } redis
                ? new RedisEngagementStore(redis, options)
                : new InMemoryEngagementStore(options, provider.GetService<TimeProvider>());
        });
        services.AddSingleton<EngagementPipeline>();
        services.AddSingleton<IEngagementRecorder>(provider => provider.GetRequiredService<EngagementPipeline>());
        services.AddHostedService(provider => provider.GetRequiredService<EngagementPipeline>());
        return services;
    }
}
