using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Auctions;

/// <summary>An auction's price, leader or end moved; folded for the crowd, the last one sent is exact.</summary>
[GenerateSerializer, Immutable, Alias("lc.BidPlaced")]
public sealed record BidPlaced
{
    /// <summary>The stream.</summary>
    [Id(0)] public required string StreamId { get; init; }

    /// <summary>The auction.</summary>
    [Id(1)] public required string AuctionId { get; init; }

    /// <summary>What the leader would pay now.</summary>
    [Id(2)] public required Money CurrentBid { get; init; }

    /// <summary>The leading bidder.</summary>
    [Id(3)] public required string LeaderId { get; init; }

    /// <summary>Bids accepted so far.</summary>
    [Id(4)] public int Bids { get; init; }

    /// <summary>When it ends now.</summary>
    [Id(5)] public DateTimeOffset EndsAt { get; init; }

    /// <summary>The least maximum a new bid must have now (an addition to the contract).</summary>
    [Id(6)] public required Money NextBid { get; init; }
}
