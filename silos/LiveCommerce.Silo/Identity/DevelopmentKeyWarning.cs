namespace LiveCommerce.Silo.Identity;

/// <summary>Warns at start that the public development signing key is in use.</summary>
internal sealed partial class DevelopmentKeyWarning(ILogger<DevelopmentKeyWarning> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogDevelopmentKey(logger);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:SigningKey is not set: using the public development signing key. Tokens signed with it prove nothing; set Auth__SigningKey outside Development.")]
    private static partial void LogDevelopmentKey(ILogger logger);
}
