namespace LiveCommerce.Contracts.Commerce;

/// <summary>The answer of <c>ClaimOffer</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.ClaimResult")]
public sealed record ClaimResult
{
    /// <summary>See <see cref="ClaimStatus"/>.</summary>
    [Id(0)] public required string Status { get; init; }

    /// <summary>The hold, when reserved.</summary>
    [Id(1)] public string? ReservationId { get; init; }

    /// <summary>When the hold lapses, when reserved.</summary>
    [Id(2)] public DateTimeOffset? ExpiresAt { get; init; }
}
