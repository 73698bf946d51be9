namespace LiveCommerce.Contracts.Analytics;

/// <summary>The answer of <c>GET /api/streams/{id}/exposure</c>.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="BySellerKind">One row per seller kind (all three always present).</param>
public sealed record StreamExposure(string StreamId, IReadOnlyList<SellerKindExposure> BySellerKind);
