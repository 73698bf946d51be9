using LiveCommerce.Abstractions.Streams;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Silo.Realtime;

/// <summary>Reports this silo's viewers and reactions of each stream to the stream's grain, once per interval.</summary>
public sealed partial class PresenceReporter(
    ViewerPresence presence,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<HubLimitsOptions> options,
    ILogger<PresenceReporter> logger) : BackgroundService
{
    /// <inheritdoc />
    /// <remarks>No single failure stops the loop: a report that fails is logged and repeated by the next one.</remarks>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var siloId = silo.SiloAddress.ToParsableString();
        using var timer = new PeriodicTimer(options.Value.PresenceReportInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ReportAsync(siloId, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogRoundFailed(logger, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReportAsync(string siloId, CancellationToken stoppingToken)
    {
        var reports = presence.Drain();
        await Task.WhenAll(reports.Select(async report =>
        {
            try
            {
                await grains.GetGrain<ILiveStreamGrain>(report.StreamId)
                    .ReportActivityAsync(siloId, Math.Max(0, report.Viewers), report.Reactions);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogReportFailed(logger, report.StreamId, error);
            }
        }));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A presence report round failed; the next round goes on")]
    private static partial void LogRoundFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting viewers of stream {StreamId} failed; the next report repeats it")]
    private static partial void LogReportFailed(ILogger logger, string streamId, Exception error);
}
