using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Grains.Ranking;

/// <summary>
/// Drains <see cref="RankingLog"/>'s queue into its store. A record that cannot be stored (Redis cut) is logged and
/// dropped: the ranking log is evidence for evaluation, not state anyone depends on, and it never holds up the engine.
/// </summary>
public sealed partial class RankingLogWriter(RankingLog log, ILogger<RankingLogWriter> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var record in log.Pending.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await log.StoreAsync(record);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogDropped(logger, record.ListId, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A ranked-list log record ({ListId}) could not be stored and was dropped")]
    private static partial void LogDropped(ILogger logger, string listId, Exception error);
}
