using LiveCommerce.Grains.Offers;
using LiveCommerce.Grains.Orders;

namespace LiveCommerce.Silo.Orders;

/// <summary>Registers the commerce settings and the order feed of the engine's mode.</summary>
public static class OrderFeedExtensions
{
    /// <summary>
    /// Flash-offer options, and in cluster mode the Redis order feed (<see cref="RedisOrderFeed"/>, stream
    /// <c>{Orleans:ServiceId}:{Orders:StreamKey}</c>) with its <see cref="OrderFeedTrimmer"/>; none in the embedded
    /// default. The <c>Orders</c> settings are validated at start.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="redis">Whether the engine runs in cluster mode (an <c>IConnectionMultiplexer</c> is registered).</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddLiveCommerce(this WebApplicationBuilder builder, bool redis)
    {
        builder.Services.Configure<FlashOfferOptions>(builder.Configuration.GetSection(FlashOfferOptions.Section));
        builder.Services.AddOptions<OrderFeedOptions>()
            .Bind(builder.Configuration.GetSection(OrderFeedOptions.Section))
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.StreamKey) && o.TrimInterval > TimeSpan.Zero && o.HardMaxLength >= 0
                    && o.PublishedMarkerTtl >= TimeSpan.FromSeconds(1),
                "Orders: StreamKey must not be empty, TrimInterval must be positive, HardMaxLength must not be negative, PublishedMarkerTtl must be at least 1 s.")
            .ValidateOnStart();
        if (redis)
        {
            builder.Services.AddSingleton<RedisOrderFeed>();
            builder.Services.AddSingleton<IOrderFeed>(services => services.GetRequiredService<RedisOrderFeed>());
            builder.Services.AddSingleton<OrderFeedTrimmer>();
            builder.Services.AddHostedService(services => services.GetRequiredService<OrderFeedTrimmer>());
        }
        else
        {
            builder.Services.AddSingleton<IOrderFeed, NoOrderFeed>();
        }

        return builder;
    }
}
