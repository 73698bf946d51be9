using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Auctions;

/// <summary>A live auction of one unit: proxy bids up to each bidder's maximum until <see cref="EndsAt"/>.</summary>
[GenerateSerializer, Immutable, Alias("lc.Auction")]
public sealed record Auction
{
    /// <summary>The auction's id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The stream it runs in.</summary>
    [Id(1)] public required string StreamId { get; init; }

    /// <summary>The product auctioned (one unit of it left stock at the start).</summary>
    [Id(2)] public required string ProductId { get; init; }

    /// <summary>The product's name.</summary>
    [Id(3)] public required string Name { get; init; }

    /// <summary>The least first bid.</summary>
    [Id(4)] public required Money StartingBid { get; init; }

    /// <summary>The step between bids.</summary>
    [Id(5)] public required Money BidIncrement { get; init; }

    /// <summary>What the leader would pay if it ended now, or null before the first bid.</summary>
    [Id(6)] public Money? CurrentBid { get; init; }

    /// <summary>The leading bidder's <c>sub</c>, or null before the first bid.</summary>
    [Id(7)] public string? LeaderId { get; init; }

    /// <summary>Bids accepted so far.</summary>
    [Id(8)] public int Bids { get; init; }

    /// <summary>When it ends; a late bid moves it (anti-sniping) unless <see cref="SuddenDeath"/>.</summary>
    [Id(9)] public DateTimeOffset EndsAt { get; init; }

    /// <summary><c>active</c> or <c>ended</c>.</summary>
    [Id(10)] public required string Status { get; init; }

    /// <summary>Who won, once it ended sold.</summary>
    [Id(11)] public string? WinnerId { get; init; }

    /// <summary>Whether the end never moves.</summary>
    [Id(12)] public bool SuddenDeath { get; init; }

    /// <summary>A bid this close to the end moves the end to now plus this many seconds.</summary>
    [Id(13)] public int AntiSnipeSeconds { get; init; }

    /// <summary>The least price the seller sells at, or null (an addition to the contract).</summary>
    [Id(14)] public Money? ReservePrice { get; init; }

    /// <summary>The least maximum a new bid must have now (an addition to the contract).</summary>
    [Id(15)] public required Money NextBid { get; init; }

    /// <summary>Why it ended, once it did: <see cref="AuctionEndReason"/> (an addition to the contract).</summary>
    [Id(16)] public string? EndReason { get; init; }

    /// <summary>What the winner pays, once it ended sold (an addition to the contract).</summary>
    [Id(17)] public Money? Price { get; init; }
}
