using LiveCommerce.Grains.Offers;
using LiveCommerce.Grains.Orders;

namespace LiveCommerce.Silo.Orders;

/// <summary>Registers the commerce settings and the order feed of the engine's mode.</summary>
public static class OrderFeedExtensions
{
    /// <summary>Flash-offer options, and the Redis order feed in cluster mode (none in the embedded default).</summary>
    public static WebApplicationBuilder AddLiveCommerce(this WebApplicationBuilder builder, bool redis)
    {
        builder.Services.Configure<FlashOfferOptions>(builder.Configuration.GetSection(FlashOfferOptions.Section));
        builder.Services.Configure<OrderFeedOptions>(builder.Configuration.GetSection(OrderFeedOptions.Section));
        if (redis)
        {
            builder.Services.AddSingleton<IOrderFeed, RedisOrderFeed>();
        }
        else
        {
            builder.Services.AddSingleton<IOrderFeed, NoOrderFeed>();
        }

        return builder;
    }
}
