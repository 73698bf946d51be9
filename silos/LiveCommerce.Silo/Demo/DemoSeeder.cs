using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Silo.Demo;

/// <summary>
/// Seeds the demo seller, creator, catalog and a live stream once the engine has started, and prints where
/// to connect and how to get demo tokens. Seeding is idempotent: a restart reuses what exists.
/// </summary>
public sealed partial class DemoSeeder(
    IHostApplicationLifetime lifetime,
    IGrainFactory grains,
    IServer server,
    TokenIssuer tokens,
    IOptions<DemoOptions> options,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var demo = options.Value;
        try
        {
            var stream = grains.GetGrain<ILiveStreamGrain>(demo.StreamId);
            if (await stream.GetAsync() is null)
            {
                var catalog = grains.GetGrain<ISellerCatalogGrain>(demo.SellerId);
                var known = await catalog.GetProductIdsAsync();
                var productIds = known.Count > 0
                    ? known
                    : (await Task.WhenAll(DemoCatalog.Products.Select(catalog.CreateProductAsync))).Select(p => p.Id).ToList();
                await stream.CreateAsync(demo.CreatorId, "Batik & Hijab Live: Weekend Sale", productIds, videoUrl: null);
                await stream.StartAsync(demo.CreatorId);
                await stream.PinAsync(demo.CreatorId, productIds[0]);
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
            var creatorToken = tokens.Issue(demo.CreatorId, [Roles.Creator, Roles.Seller], TimeSpan.FromHours(12)).Token;
            LogDemoReady(logger, address.TrimEnd('/'), demo.StreamId, creatorToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Seeding is a convenience: a failure is logged and never stops the engine.
            LogSeedFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = """
        Demo stream is live.
          Watch it:       {Address}/watch/{StreamId}
          Creator studio: {Address}/studio
          Snapshot:       {Address}/api/streams/{StreamId}
          Viewer hub:     {Address}/hubs/live  (JoinStream("{StreamId}"))
          Viewer token:   {Address}/dev/token?sub=viewer-1&role=viewer
          Creator token:  {CreatorToken}
          Pin a product:  curl -X POST {Address}/api/streams/{StreamId}/pin -H "Authorization: Bearer <creator token>" -H "Content-Type: application/json" -d '{{"productId":"..."}}'
        """)]
    private static partial void LogDemoReady(ILogger logger, string address, string streamId, string creatorToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeding the demo stream failed")]
    private static partial void LogSeedFailed(ILogger logger, Exception error);
}
