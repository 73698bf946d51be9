using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Auctions;

/// <summary>The answer of <c>PlaceBid</c>: the bidder's standing and the auction's price and end after the bid.</summary>
[GenerateSerializer, Immutable, Alias("lc.BidResult")]
public sealed record BidResult
{
    /// <summary>See <see cref="BidStatus"/>.</summary>
    [Id(0)] public required string Status { get; init; }

    /// <summary>The current bid after this one, or null when there is none (or no such auction).</summary>
    [Id(1)] public Money? CurrentBid { get; init; }

    /// <summary>When the auction ends after this bid, or null when there is no such auction.</summary>
    [Id(2)] public DateTimeOffset? EndsAt { get; init; }

    /// <summary>The least maximum a new bid must have now (an addition to the contract).</summary>
    [Id(3)] public Money? NextBid { get; init; }
}
