namespace LiveCommerce.Contracts.Giveaways;

/// <summary>The answer of <c>EnterGiveaway</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.EntryResult")]
public sealed record EntryResult
{
    /// <summary>See <see cref="EntryStatus"/>.</summary>
    [Id(0)] public required string Status { get; init; }
}
