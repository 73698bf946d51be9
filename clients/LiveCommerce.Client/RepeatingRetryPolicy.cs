using Microsoft.AspNetCore.SignalR.Client;

namespace LiveCommerce.Client;

/// <summary>Retries for ever, waiting the given delays and then the last one again and again.</summary>
internal sealed class RepeatingRetryPolicy(IReadOnlyList<TimeSpan> delays) : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
        delays.Count == 0 ? TimeSpan.FromSeconds(1) : delays[(int)Math.Min(retryContext.PreviousRetryCount, delays.Count - 1)];
}
