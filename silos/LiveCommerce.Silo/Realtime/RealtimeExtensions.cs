using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Silo.Engagement;
using LiveCommerce.Silo.Identity;
using StackExchange.Redis;

namespace LiveCommerce.Silo.Realtime;

/// <summary>Registers and maps the viewers' hub.</summary>
public static class RealtimeExtensions
{
    /// <summary>The largest hub frame, documented in docs/contract.md; a larger one closes the connection.</summary>
    public const int MaxFrameBytes = 16 * 1024;

    /// <summary>The deepest nesting of a JSON hub argument; deeper arguments get an error completion.</summary>
    public const int MaxArgumentDepth = 32;

    /// <summary>
    /// SignalR with the JSON and MessagePack protocols (the same camelCase names in both), the error and
    /// rate-limit filters, viewer presence, each connection's outbox (<see cref="HubTransportOptions"/>), and the
    /// Redis backplane when <paramref name="redis"/> is set.
    /// </summary>
    public static WebApplicationBuilder AddLiveRealtime(this WebApplicationBuilder builder, string? redis)
    {
        builder.Services.Configure<HubLimitsOptions>(builder.Configuration.GetSection(HubLimitsOptions.Section));
        builder.Services.AddOptions<HubTransportOptions>().Bind(builder.Configuration.GetSection(HubTransportOptions.Section))
            .Validate(o => o.BufferBytes > MaxFrameBytes, $"HubTransport:BufferBytes must be more than the largest hub frame ({MaxFrameBytes} bytes).")
            .Validate(o => o.OutboxBytes > 0, "HubTransport:OutboxBytes must be positive.")
            .Validate(o => o.SendTimeout > TimeSpan.Zero, "HubTransport:SendTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ViewerOutboxes>();
        builder.Services.AddSingleton<ViewerPresence>();
        builder.Services.AddSingleton<HubEngagement>();
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.AddSingleton<HubErrorFilter>();
        builder.Services.AddSingleton<IStreamNotifier, SignalRStreamNotifier>();
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddHostedService<PresenceReporter>();

        var signalR = builder.Services
            .AddSignalR(options =>
            {
                // The error filter runs first so that it also catches the rate limiter's refusals.
                options.AddFilter<HubErrorFilter>();
                options.AddFilter<HubRateLimitFilter>();
                options.MaximumReceiveMessageSize = MaxFrameBytes;
            })
            .AddJsonProtocol(options => LiveJson.Configure(options.PayloadSerializerOptions).MaxDepth = MaxArgumentDepth)
            .AddMessagePackProtocol(options => options.SerializerOptions = ContractResolver.Options);

        // Both protocols, each wrapped so that an unreadable frame refuses one invocation instead of closing the connection.
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(services => new TolerantHubProtocol(
            new JsonHubProtocol(services.GetRequiredService<IOptions<JsonHubProtocolOptions>>()),
            services.GetRequiredService<ILogger<TolerantHubProtocol>>(),
            TolerantHubProtocol.OptionalArgumentsOf(typeof(LiveHub))));
        builder.Services.AddSingleton<IHubProtocol>(services => new TolerantHubProtocol(
            new MessagePackHubProtocol(services.GetRequiredService<IOptions<MessagePackHubProtocolOptions>>()),
            services.GetRequiredService<ILogger<TolerantHubProtocol>>(),
            TolerantHubProtocol.OptionalArgumentsOf(typeof(LiveHub))));
        if (redis is not null)
        {
            // One prefix per service, so several deployments (or test clusters) can share a Redis.
            var serviceId = builder.Configuration["Orleans:ServiceId"] ?? "livecommerce";
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal($"livecommerce:{serviceId}:signalr:"));
        }

        return builder;
    }

    /// <summary>
    /// Maps <c>/hubs/live</c>, as <c>MapHub</c> does, with each connection's transport behind a <see cref="ViewerOutbox"/>
    /// and SignalR's buffers and send timeout from <see cref="HubTransportOptions"/>.
    /// </summary>
    public static WebApplication MapLiveHub(this WebApplication app)
    {
        var transport = app.Services.GetRequiredService<IOptions<HubTransportOptions>>().Value;
        var outboxes = app.Services.GetRequiredService<ViewerOutboxes>();
        var dispatcher = new HttpConnectionDispatcherOptions
        {
            ApplicationMaxBufferSize = transport.BufferBytes,
            TransportMaxBufferSize = transport.BufferBytes,
            TransportSendTimeout = transport.SendTimeout,
        };
        app.MapConnections(HubMethods.Path, dispatcher, connection => connection
                .Use(next => context =>
                {
                    ViewerOutbox.Install(context, outboxes);
                    return next(context);
                })
                .UseHub<LiveHub>())
            .WithMetadata(new HubMetadata(typeof(LiveHub)))
            .RequireAuthorization(Roles.HubAccess);
        return app;
    }
}
