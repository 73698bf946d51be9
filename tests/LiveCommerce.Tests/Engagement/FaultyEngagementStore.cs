using LiveCommerce.Engagement;
using LiveCommerce.Engagement.Figures;
using LiveCommerce.Engagement.Storage;

namespace LiveCommerce.Tests.Engagement;

/// <summary>
/// A real store (<see cref="Inner"/>) behind a fault: it throws on the first <c>failFirst</c> writes, and on every
/// write of a batch that touches a stream whose id starts with <c>poisonPrefix</c> (a poison event).
/// </summary>
public sealed class FaultyEngagementStore(IEngagementStore inner, int failFirst = 0, string? poisonPrefix = null) : IEngagementStore
{
    private int _failuresLeft = failFirst;
    private int _thrown;

    /// <summary>The store the writes go to when no fault applies.</summary>
    public IEngagementStore Inner { get; } = inner;

    /// <summary>Writes refused so far.</summary>
    public int Thrown => Volatile.Read(ref _thrown);

    public Task WriteAsync(EngagementBatch batch, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _thrown);
            throw new InvalidOperationException("the store failed once");
        }

        if (poisonPrefix is not null && batch.Counters.Keys.Any(k => k.StartsWith(EngagementKeys.Stream(poisonPrefix), StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _thrown);
            throw new OverflowException("this batch holds a poison event");
        }

        return Inner.WriteAsync(batch, cancellationToken);
    }

    public Task<StreamTotals> GetStreamTotalsAsync(string streamId, CancellationToken cancellationToken = default) =>
        Inner.GetStreamTotalsAsync(streamId, cancellationToken);

    public Task<IReadOnlyList<ProductFigures>> GetStreamProductsAsync(string streamId, IReadOnlyList<string> productIds, CancellationToken cancellationToken = default) =>
        Inner.GetStreamProductsAsync(streamId, productIds, cancellationToken);

    public Task<IReadOnlyList<ProductFigures>> GetProductsAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken = default) =>
        Inner.GetProductsAsync(productIds, cancellationToken);

    public Task<IReadOnlyList<SellerKindFigures>> GetExposureAsync(string streamId, CancellationToken cancellationToken = default) =>
        Inner.GetExposureAsync(streamId, cancellationToken);

    public Task<IReadOnlyList<ProductTrend>> GetTrendsAsync(IReadOnlyList<string> productIds, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Inner.GetTrendsAsync(productIds, now, cancellationToken);

    public Task<AffinityScores> GetAffinitiesAsync(string viewerId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Inner.GetAffinitiesAsync(viewerId, now, cancellationToken);

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastPinnedAsync(string streamId, CancellationToken cancellationToken = default) =>
        Inner.GetLastPinnedAsync(streamId, cancellationToken);
}
