namespace LiveCommerce.Engagement.Storage;

/// <summary>The joins and leaves of one stream within a batch, in order.</summary>
/// <param name="Delta">Joins minus leaves.</param>
/// <param name="MaxPrefix">The highest running sum of +1 (join) and -1 (leave) within the batch, at least 0: the stored
/// viewer count plus this is the batch's peak.</param>
public readonly record struct AudienceChange(long Delta, long MaxPrefix);
