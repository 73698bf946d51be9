using LiveCommerce.Engagement;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Grains.Orders;
using LiveCommerce.Grains.Streams;
using LiveCommerce.Grains.Video;
using LiveCommerce.Silo.Orders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Tests.Grains;

/// <summary>The silo configuration the grain test clusters share: the engine's grains on in-memory storage and reminders.</summary>
public static class EngineGrainSilo
{
    /// <summary>
    /// Configures <paramref name="siloBuilder"/> with in-memory grain storage and reminders, <paramref name="time"/> as
    /// the grains' <see cref="TimeProvider"/>, a <see cref="RecordingNotifier"/>, no order feed, the engagement
    /// services and the video settings; <paramref name="configureServices"/> adds a cluster's own settings.
    /// </summary>
    public static ISiloBuilder ConfigureEngineGrains(ISiloBuilder siloBuilder, TimeProvider time, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        ArgumentNullException.ThrowIfNull(time);
        return siloBuilder
            .AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService()
            .ConfigureServices(services =>
            {
                services.AddSingleton(time);
                configureServices?.Invoke(services);
                services.AddSingleton<IStreamNotifier, RecordingNotifier>();
                services.AddSingleton<IOrderFeed, NoOrderFeed>();
                var configuration = new ConfigurationBuilder().Build();
                services.AddLiveEngagement(configuration);
                services.AddLiveStreams(configuration);
                services.AddLiveVideo(configuration);
            });
    }
}
