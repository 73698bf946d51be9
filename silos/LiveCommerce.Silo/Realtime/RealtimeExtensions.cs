using Microsoft.AspNetCore.SignalR;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Silo.Identity;
using StackExchange.Redis;

namespace LiveCommerce.Silo.Realtime;

/// <summary>Registers and maps the viewers' hub.</summary>
public static class RealtimeExtensions
{
    /// <summary>
    /// SignalR with the JSON and MessagePack protocols (the same camelCase names in both), the error and
    /// rate-limit filters, viewer presence, and the Redis backplane when <paramref name="redis"/> is set.
    /// </summary>
    public static WebApplicationBuilder AddLiveRealtime(this WebApplicationBuilder builder, string? redis)
    {
        builder.Services.Configure<HubLimitsOptions>(builder.Configuration.GetSection(HubLimitsOptions.Section));
        builder.Services.AddSingleton<ViewerPresence>();
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.AddSingleton<HubErrorFilter>();
        builder.Services.AddSingleton<IStreamNotifier, SignalRStreamNotifier>();
        builder.Services.AddHostedService<PresenceReporter>();

        var signalR = builder.Services
            .AddSignalR(options =>
            {
                // The error filter runs first so that it also catches the rate limiter's refusals.
                options.AddFilter<HubErrorFilter>();
                options.AddFilter<HubRateLimitFilter>();
                options.MaximumReceiveMessageSize = 16 * 1024;
            })
            .AddJsonProtocol(options => LiveJson.Configure(options.PayloadSerializerOptions))
            .AddMessagePackProtocol(options => options.SerializerOptions = ContractResolver.Options);
        if (redis is not null)
        {
            // One prefix per service, so several deployments (or test clusters) can share a Redis.
            var serviceId = builder.Configuration["Orleans:ServiceId"] ?? "livecommerce";
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal($"livecommerce:{serviceId}:signalr:"));
        }

        return builder;
    }

    /// <summary>Maps <c>/hubs/live</c>.</summary>
    public static WebApplication MapLiveHub(this WebApplication app)
    {
        app.MapHub<LiveHub>(HubMethods.Path).RequireAuthorization(Roles.HubAccess);
        return app;
    }
}
