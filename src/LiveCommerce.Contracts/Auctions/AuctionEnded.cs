using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Auctions;

/// <summary>An auction is over; see <see cref="AuctionEndReason"/>.</summary>
[GenerateSerializer, Immutable, Alias("lc.AuctionEnded")]
public sealed record AuctionEnded
{
    /// <summary>The stream.</summary>
    [Id(0)] public required string StreamId { get; init; }

    /// <summary>The auction.</summary>
    [Id(1)] public required string AuctionId { get; init; }

    /// <summary>See <see cref="AuctionEndReason"/>.</summary>
    [Id(2)] public required string Reason { get; init; }

    /// <summary>The winner, when sold.</summary>
    [Id(3)] public string? WinnerId { get; init; }

    /// <summary>What the winner pays, when sold.</summary>
    [Id(4)] public Money? Price { get; init; }
}
