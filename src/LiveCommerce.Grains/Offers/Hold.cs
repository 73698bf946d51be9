namespace LiveCommerce.Grains.Offers;

/// <summary>One unit of an offer held for a viewer.</summary>
[GenerateSerializer, Alias("lc.Hold")]
public sealed record Hold
{
    /// <summary>The holder's <c>sub</c>.</summary>
    [Id(0)] public required string ViewerId { get; init; }

    /// <summary>When the hold lapses unless bought.</summary>
    [Id(1)] public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>See <see cref="HoldStatus"/>.</summary>
    [Id(2)] public required string Status { get; set; }

    /// <summary>The checkout attempt (order operation id) that bought it, while it is sold.</summary>
    [Id(5)] public string? SaleOperation { get; set; }

    /// <summary>Checkout attempts that were taken back or cancelled: a late confirmation by one of them is refused.</summary>
    [Id(6)] public List<string>? Cancelled { get; set; }
}
