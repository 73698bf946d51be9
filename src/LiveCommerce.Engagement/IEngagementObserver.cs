namespace LiveCommerce.Engagement;

/// <summary>
/// Sees every event as it is recorded, on the recording thread (before it is buffered): the ranker's online
/// learning listens here for clicks, add-to-carts and purchases. Implementations must be fast and must not throw.
/// </summary>
public interface IEngagementObserver
{
    /// <summary>Called for each recorded event.</summary>
    /// <param name="engagement">The event.</param>
    void OnRecorded(in EngagementEvent engagement);
}
