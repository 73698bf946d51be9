using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Auctions;

/// <summary>The body of <c>POST /api/streams/{id}/auctions</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.CreateAuctionRequest")]
public sealed record CreateAuctionRequest
{
    /// <summary>A product on the stream's list.</summary>
    [Id(0)] public string? ProductId { get; init; }

    /// <summary>The least first bid, in the product's currency.</summary>
    [Id(1)] public Money? StartingBid { get; init; }

    /// <summary>The step between bids (at least 1 minor unit).</summary>
    [Id(2)] public Money? BidIncrement { get; init; }

    /// <summary>How long it runs before any extension: 10 to 86,400 seconds.</summary>
    [Id(3)] public int? DurationSeconds { get; init; }

    /// <summary>A bid this close to the end moves the end to now plus this many seconds; 10 when absent (0 to 3,600).</summary>
    [Id(4)] public int? AntiSnipeSeconds { get; init; }

    /// <summary>Whether the end never moves; false when absent.</summary>
    [Id(5)] public bool? SuddenDeath { get; init; }

    /// <summary>The least price the unit sells at, or none.</summary>
    [Id(6)] public Money? ReservePrice { get; init; }
}
