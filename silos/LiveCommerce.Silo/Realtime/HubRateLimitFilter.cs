using System.Threading.RateLimiting;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// Per-viewer limits on comments, reactions, claims and product views: a token bucket per user (per
/// connection for anonymous viewers) and method. Hub calls do not pass through the HTTP rate limiter.
/// </summary>
public sealed class HubRateLimitFilter : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<HubInvocationContext> _limiter;

    /// <summary>Creates the filter from the configured limits.</summary>
    public HubRateLimitFilter(IOptions<HubLimitsOptions> options)
    {
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<HubInvocationContext, string>(context =>
        {
            var (perSecond, burst) = context.HubMethodName switch
            {
                HubMethods.Comment => (limits.CommentsPerSecond, limits.CommentBurst),
                HubMethods.React => (limits.ReactionsPerSecond, limits.ReactionBurst),
                HubMethods.ClaimOffer => (limits.ClaimsPerSecond, limits.ClaimBurst),
                HubMethods.ViewProduct => (limits.ViewsPerSecond, limits.ViewBurst),
                _ => (0, 0),
            };
            if (burst == 0)
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            var caller = context.Context.User.UserId() ?? "connection:" + context.Context.ConnectionId;
            return RateLimitPartition.GetTokenBucketLimiter(context.HubMethodName + "|" + caller, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = Math.Max(1, (int)Math.Round(perSecond)),
                ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, (int)Math.Round(perSecond)) / perSecond),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }

    /// <inheritdoc />
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using var lease = _limiter.AttemptAcquire(invocationContext);
        if (!lease.IsAcquired)
        {
            throw new HubException(invocationContext.HubMethodName switch
            {
                HubMethods.Comment => "You are commenting too fast; wait a moment.",
                HubMethods.React => "You are reacting too fast; wait a moment.",
                HubMethods.ClaimOffer => "You are claiming too fast; wait a moment.",
                _ => "Too many requests; wait a moment.",
            });
        }

        return await next(invocationContext);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
