using LiveCommerce.Contracts.Serialization;
using LiveCommerce.Engagement;
using LiveCommerce.Silo.Apis;
using LiveCommerce.Silo.Demo;
using LiveCommerce.Silo.Health;
using LiveCommerce.Silo.Identity;
using LiveCommerce.Grains.Ranking;
using LiveCommerce.Grains.Video;
using LiveCommerce.Silo.Pages;
using LiveCommerce.Silo.Orders;
using LiveCommerce.Silo.Realtime;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using StackExchange.Redis;

namespace LiveCommerce.Silo.Hosting;

/// <summary>Registers and maps the whole engine: the two entry points of <c>Program.cs</c>.</summary>
public static class EngineExtensions
{
    /// <summary>The connection string that switches the engine from the embedded default to cluster mode.</summary>
    public const string RedisConnectionName = "Redis";

    /// <summary>Adds every part of the engine; the mode depends only on <c>ConnectionStrings:Redis</c>.</summary>
    public static WebApplicationBuilder AddLiveCommerceEngine(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetConnectionString(RedisConnectionName);
        redis = string.IsNullOrWhiteSpace(redis) ? null : redis;
        if (redis is not null)
        {
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        }

        builder.AddLiveCommerceOrleans(redis);
        builder.AddLiveCommerce(redis is not null);
        builder.AddLiveIdentity();
        builder.AddLiveRealtime(redis);
        builder.AddLiveTelemetry();
        builder.AddLiveEngagement();
        builder.AddLiveRanking();
        builder.Services.AddLiveVideo(builder.Configuration);

        builder.Services.AddProblemDetails();

        // After the framework's writer: it answers whatever the Accept header asks for, so no error becomes a 500.
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        builder.Services.AddExceptionHandler<LiveCommerceExceptionHandler>();
        builder.Services.Configure<JsonOptions>(options => LiveJson.Configure(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.AddLiveRateLimits();
        builder.AddLiveHealthChecks(redis is not null);
        builder.AddLiveDemo();

        // A last guard: every background loop of the engine catches and logs its own failures, but should one still
        // escape, the engine keeps serving rather than stopping the host (the .NET default, StopHost).
        builder.Services.Configure<HostOptions>(options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        return builder;
    }

    /// <summary>
    /// Maps the middleware, the HTTP API, the hub and the health endpoints. A hub connection is one request that lasts
    /// as long as the viewer watches, and every middleware that awaits it is kept for that long, per viewer: so the HTTP
    /// rate limiter runs only on <c>/api</c> (the hub limits its calls per viewer itself, <see cref="HubRateLimitFilter"/>),
    /// and the body-encoding check hands other requests straight on without awaiting them.
    /// </summary>
    public static WebApplication MapLiveCommerceEngine(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseWhen(http => http.Request.Path.StartsWithSegments(RateLimitExtensions.LimitedPath), api => api.UseRateLimiter());
        app.UseKnownBodyEncodings();

        app.MapProductsApi();
        app.MapStreamsApi();
        app.MapOffersApi();
        app.MapSalesApi();
        app.MapOrdersApi();
        app.MapAnalyticsApi();
        app.MapChatApi();
        app.MapSellersApi();
        app.MapRankingLogApi();
        app.MapVideoApi();
        app.MapMediaServerApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevelopmentApi();
        }

        app.MapLiveHub();
        app.MapLivePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthExtensions.ReadyTag) });
        return app;
    }
}
