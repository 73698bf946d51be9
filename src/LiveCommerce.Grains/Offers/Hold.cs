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

    /// <summary>The order that bought it.</summary>
    [Id(3)] public string? OrderId { get; set; }

    /// <summary>How many times an order confirmed it; names the stock operation of each sale.</summary>
    [Id(4)] public int Sales { get; set; }
}
