using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Abstractions.Auctions;

/// <summary>A validated auction, as a stream asks its auction grain to start it.</summary>
[GenerateSerializer, Immutable, Alias("lc.AuctionSpec")]
public sealed record AuctionSpec
{
    /// <summary>The stream.</summary>
    [Id(0)] public required string StreamId { get; init; }

    /// <summary>The stream's creator.</summary>
    [Id(1)] public required string CreatorId { get; init; }

    /// <summary>The product; one unit of it leaves stock.</summary>
    [Id(2)] public required string ProductId { get; init; }

    /// <summary>The product's name.</summary>
    [Id(3)] public required string Name { get; init; }

    /// <summary>The product's list price.</summary>
    [Id(4)] public required Money ListPrice { get; init; }

    /// <summary>The least first bid.</summary>
    [Id(5)] public required Money StartingBid { get; init; }

    /// <summary>The step between bids.</summary>
    [Id(6)] public required Money BidIncrement { get; init; }

    /// <summary>The least price it sells at, or null.</summary>
    [Id(7)] public Money? ReservePrice { get; init; }

    /// <summary>How long it runs before any extension.</summary>
    [Id(8)] public TimeSpan Duration { get; init; }

    /// <summary>The anti-sniping window.</summary>
    [Id(9)] public int AntiSnipeSeconds { get; init; }

    /// <summary>Whether the end never moves.</summary>
    [Id(10)] public bool SuddenDeath { get; init; }
}
