using System.Net;
using LiveCommerce.Grains.Streams;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace LiveCommerce.Silo.Hosting;

/// <summary>Co-hosts the Orleans silo, in either of the engine's two modes.</summary>
public static class OrleansHostingExtensions
{
    /// <summary>
    /// Without <paramref name="redis"/>: one silo with localhost clustering, in-memory grain storage and
    /// reminders (the embedded default). With it: Redis clustering, grain storage and reminders, so several
    /// engine processes form one cluster and state survives a restart of all of them. The ports come from
    /// Orleans' own settings <c>Orleans:Endpoints:SiloPort</c> and <c>GatewayPort</c> (11111 and 30000).
    /// </summary>
    public static WebApplicationBuilder AddLiveCommerceOrleans(this WebApplicationBuilder builder, string? redis)
    {
        var configuration = builder.Configuration;
        var siloPort = configuration.GetValue("Orleans:Endpoints:SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = configuration.GetValue("Orleans:Endpoints:GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
        var clusterId = configuration["Orleans:ClusterId"] ?? "livecommerce";
        var serviceId = configuration["Orleans:ServiceId"] ?? "livecommerce";

        builder.Services.AddLiveStreams(configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.UseOrleans(silo =>
        {
            if (redis is null)
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId)
                    .AddMemoryGrainStorageAsDefault()
                    .UseInMemoryReminderService();
                // The in-memory store copies each written state through its serializer: the Orleans serializer
                // (as in Redis mode) rather than the default reflection-based JSON, which cost most of a write.
                silo.Services.AddOptions<MemoryGrainStorageOptions>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
                    .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
                return;
            }

            var redisOptions = ConfigurationOptions.Parse(redis);
            silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = clusterId;
                    options.ServiceId = serviceId;
                })
                .UseRedisClustering(options => options.ConfigurationOptions = redisOptions.Clone())
                .AddRedisGrainStorageAsDefault(options => options.ConfigurationOptions = redisOptions.Clone())
                .UseRedisReminderService(options => options.ConfigurationOptions = redisOptions.Clone());
            // Grain state is stored with the Orleans serializer, which follows the [Id] contracts of the state
            // records (tolerant to added fields), rather than with type-named JSON.
            silo.Services.AddOptions<RedisStorageOptions>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
                .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
            var advertised = configuration["Orleans:Endpoints:AdvertisedIPAddress"];
            if (advertised is not null)
            {
                silo.ConfigureEndpoints(IPAddress.Parse(advertised), siloPort, gatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true);
            }
        });
        return builder;
    }
}
