namespace LiveCommerce.Grains.Offers;

/// <summary>
/// A seal planned by <see cref="HoldLog.BeginSeal"/>: pages to store (oldest first, each naming the one before
/// it) and, once they are stored, what the head then says.
/// </summary>
/// <param name="Pages">The pages to store under their keys, oldest first.</param>
/// <param name="Sequence">The last change the pages include: holds changed after it stay in the head.</param>
/// <param name="Compaction">Whether the pages are a new chain of every hold, replacing the old chain.</param>
/// <param name="PageCount">The pages of the chain once it is committed.</param>
/// <param name="PagedEntries">The hold versions in that chain.</param>
public sealed record HoldSeal(
    IReadOnlyList<KeyValuePair<string, HoldPage>> Pages,
    long Sequence,
    bool Compaction,
    int PageCount,
    int PagedEntries)
{
    /// <summary>The key of the newest page, which the head names once the seal is committed.</summary>
    public string Last => Pages[^1].Key;
}
