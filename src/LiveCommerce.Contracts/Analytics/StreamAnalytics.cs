namespace LiveCommerce.Contracts.Analytics;

/// <summary>The answer of <c>GET /api/streams/{id}/analytics</c>.</summary>
/// <param name="Viewers">Viewers connected now.</param>
/// <param name="PeakViewers">The most viewers connected at once.</param>
/// <param name="UniqueViewers">Distinct viewers that joined (users by <c>sub</c>, anonymous viewers by connection).</param>
/// <param name="Reactions">Reactions.</param>
/// <param name="Comments">Comments.</param>
/// <param name="Products">One row for every product on the stream's list, zeros included.</param>
public sealed record StreamAnalytics(
    long Viewers, long PeakViewers, long UniqueViewers, long Reactions, long Comments, IReadOnlyList<ProductAnalytics> Products);
