namespace LiveCommerce.Engagement.Figures;

/// <summary>Stream-level figures.</summary>
/// <param name="Joins">Joins recorded (a connection that joins twice counts twice).</param>
/// <param name="CurrentViewers">Joins minus leaves recorded.</param>
/// <param name="PeakViewers">The highest <paramref name="CurrentViewers"/> seen.</param>
/// <param name="UniqueViewers">Distinct viewers that joined (users by <c>sub</c>, anonymous viewers by connection);
/// exact in the in-process store, a HyperLogLog estimate (standard error 0.81%) in Redis.</param>
/// <param name="Reactions">Reactions.</param>
/// <param name="Comments">Comments.</param>
public sealed record StreamTotals(long Joins, long CurrentViewers, long PeakViewers, long UniqueViewers, long Reactions, long Comments)
{
    /// <summary>A stream with nothing recorded.</summary>
    public static StreamTotals Empty { get; } = new(0, 0, 0, 0, 0, 0);
}
