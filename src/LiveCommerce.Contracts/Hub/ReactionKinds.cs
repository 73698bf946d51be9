namespace LiveCommerce.Contracts.Hub;

/// <summary>The reactions a viewer may send.</summary>
public static class ReactionKinds
{
    /// <summary>Every valid kind.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "like", "heart", "fire", "clap" };
}
