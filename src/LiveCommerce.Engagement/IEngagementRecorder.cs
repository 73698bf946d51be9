namespace LiveCommerce.Engagement;

/// <summary>
/// Records engagement events. <see cref="Record"/> never blocks and never throws for a full buffer: the event goes
/// into a bounded in-memory buffer that a background pipeline flushes to the <see cref="IEngagementStore"/> in
/// batches. A singleton; safe to call from any thread, hub method or grain.
/// </summary>
public interface IEngagementRecorder
{
    /// <summary>Buffers one event.</summary>
    /// <param name="engagement">The event.</param>
    /// <returns><see langword="false"/> when the buffer was full and the event was dropped (counted in the metric
    /// <c>livecommerce.engagement.dropped</c> and logged).</returns>
    bool Record(in EngagementEvent engagement);
}
