using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Ranking;

/// <summary>
/// Every <see cref="RankingOptions.SyncInterval"/>: sends this silo's learned batch to the shared model grain and
/// uses the model it answers with (or just reads the model when nothing was learned), so every silo ranks with the
/// model all of them train. A batch whose answer did not come is sent again, unchanged, next round.
/// </summary>
public sealed partial class RankingSync(
    IGrainFactory grains,
    SharedRankingModel model,
    RankingFeedback feedback,
    CandidateSource candidates,
    IOptions<RankingOptions> options,
    ILogger<RankingSync> logger) : BackgroundService
{
    /// <summary>Sends what was learned and reads the model once, now.</summary>
    /// <param name="closeAll">Close every open list first.</param>
    /// <returns>A task that completes when the model in use is current.</returns>
    public async Task SyncAsync(bool closeAll = false)
    {
        var grain = grains.GetGrain<IRankingModelGrain>(options.Value.ModelName);
        var delta = feedback.Take(closeAll);
        if (delta is null)
        {
            model.Use(await grain.GetAsync());
            return;
        }

        // A batch that fails stays pending and goes again unchanged; the grain counts it once either way.
        model.Use(await grain.ApplyAsync(delta));
        feedback.Taken(delta);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await SyncAsync(closeAll: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogSyncFailed(logger, error);
        }
    }

    /// <inheritdoc />
    /// <remarks>No single failure stops the loop: a round that fails is logged and the next one runs.</remarks>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SyncInterval);
        try
        {
            do
            {
                try
                {
                    await SyncAsync();
                    candidates.Sweep(TimeSpan.FromMinutes(5));
                }
                catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogSyncFailed(logger, error);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing the ranking model failed; what was learned is kept for the next round")]
    private static partial void LogSyncFailed(ILogger logger, Exception error);
}
