using LiveCommerce.Contracts.Auctions;

namespace LiveCommerce.Grains.Auctions;

/// <summary>
/// The stored state of an <see cref="AuctionGrain"/>, whose rules are in <see cref="AuctionBook"/>. It stays the same
/// size however many bid: proxy bidding needs only the leader's maximum and the highest maximum of anyone else.
/// </summary>
[GenerateSerializer, Alias("lc.AuctionState")]
public sealed record AuctionState
{
    /// <summary>The auction as viewers see it, or null before it starts.</summary>
    [Id(0)] public Auction? Auction { get; set; }

    /// <summary>See <see cref="AuctionPhase"/>; null before the start.</summary>
    [Id(1)] public string? Phase { get; set; }

    /// <summary>The leader's maximum, in minor units (0 before the first bid).</summary>
    [Id(2)] public long LeaderMax { get; set; }

    /// <summary>The highest maximum of anyone but the leader, or null when the leader bid alone.</summary>
    [Id(3)] public long? SecondMax { get; set; }

    /// <summary>The creator whose stream runs it; the winner's cart line carries it.</summary>
    [Id(4)] public string? CreatorId { get; set; }

    /// <summary>Whether the lot has been awarded to the winner, or given back to stock (after the end).</summary>
    [Id(5)] public bool Settled { get; set; }

    /// <summary>Whether the winner's cart has the won line.</summary>
    [Id(6)] public bool Carted { get; set; }

    /// <summary>Whether <c>AuctionEnded</c> went out; until it did, it is sent again.</summary>
    [Id(7)] public bool EndAnnounced { get; set; }
}
