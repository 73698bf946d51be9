using LiveCommerce.Grains.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Grains.Streams;

/// <summary>Registers what live streams need besides their grain.</summary>
public static class StreamsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="LiveStreamOptions"/> to the <c>Streams</c> section adds this silo's <see cref="StreamReads"/> and the streams' chat (<see cref="ChatServiceCollectionExtensions.AddLiveChat"/>).</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLiveStreams(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveStreamOptions>(configuration.GetSection(LiveStreamOptions.Section));
        services.AddSingleton<StreamReads>();
        services.AddLiveChat(configuration);
        return services;
    }
}
