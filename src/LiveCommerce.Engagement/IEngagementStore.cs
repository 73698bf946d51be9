using LiveCommerce.Engagement.Figures;
using LiveCommerce.Engagement.Storage;

namespace LiveCommerce.Engagement;

/// <summary>
/// Where engagement is kept: <see cref="Storage.RedisEngagementStore"/> in cluster mode, <see cref="Storage.InMemoryEngagementStore"/>
/// in the embedded default; both have the same semantics. Writes come from the pipeline in batches; reads serve
/// analytics, exposure and the ranker's features.
/// </summary>
public interface IEngagementStore
{
    /// <summary>
    /// Applies one batch, all or nothing. Writing the same batch again (a retry after an unclear failure) changes
    /// nothing: each batch is applied once.
    /// </summary>
    /// <param name="batch">The aggregated batch.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the batch is stored.</returns>
    Task WriteAsync(EngagementBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Stream-level figures.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures (zeros for an unknown stream).</returns>
    Task<StreamTotals> GetStreamTotalsAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>The funnel counts of <paramref name="productIds"/> in one stream, in the order asked, zeros included.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="productIds">The products.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per product id.</returns>
    Task<IReadOnlyList<ProductFigures>> GetStreamProductsAsync(string streamId, IReadOnlyList<string> productIds, CancellationToken cancellationToken = default);

    /// <summary>The funnel counts of <paramref name="productIds"/> across all streams, in the order asked, zeros included.</summary>
    /// <param name="productIds">The products.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per product id.</returns>
    Task<IReadOnlyList<ProductFigures>> GetProductsAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken = default);

    /// <summary>Impressions and clicks in one stream by seller kind.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per seller kind seen.</returns>
    Task<IReadOnlyList<SellerKindFigures>> GetExposureAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Cross-stream trend counts of <paramref name="productIds"/> as of <paramref name="now"/>.</summary>
    /// <param name="productIds">The products.</param>
    /// <param name="now">The end of the recent window.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per product id.</returns>
    Task<IReadOnlyList<ProductTrend>> GetTrendsAsync(IReadOnlyList<string> productIds, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>A viewer's decayed affinity scores as of <paramref name="now"/>.</summary>
    /// <param name="viewerId">The viewer's <c>sub</c>.</param>
    /// <param name="now">The time to decay to.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The scores (<see cref="AffinityScores.None"/> when none or expired).</returns>
    Task<AffinityScores> GetAffinitiesAsync(string viewerId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>When each product of a stream was last pinned.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Product id to time.</returns>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastPinnedAsync(string streamId, CancellationToken cancellationToken = default);
}
