using LiveCommerce.Contracts.Auctions;

namespace LiveCommerce.Abstractions.Auctions;

/// <summary>
/// One live auction, keyed by its id: bids are decided one at a time here, in the order they arrive, so every bidder
/// learns at once whether they lead. Its one unit is a lot of the flash-offer grain of the same id, which holds it for
/// the winner (and puts it back in stock when nobody wins or the hold lapses).
/// </summary>
[Alias("lc.IAuctionGrain")]
public interface IAuctionGrain : IGrainWithStringKey
{
    /// <summary>Starts it: its unit leaves stock. A repeat answers the same auction.</summary>
    [Alias("StartAsync")]
    Task<Auction> StartAsync(AuctionSpec spec);

    /// <summary>The auction, or null when there is none (or it never started).</summary>
    [Alias("GetAsync")]
    Task<Auction?> GetAsync();

    /// <summary>Places a bid of at most <paramref name="maximum"/> minor units for <paramref name="bidderId"/>.</summary>
    [Alias("BidAsync")]
    Task<BidResult> BidAsync(string bidderId, string streamId, long maximum);

    /// <summary>Ends it early with nobody winning; its unit goes back to stock.</summary>
    [Alias("CancelAsync")]
    Task CancelAsync();

    /// <summary>Aborts a start its stream could not confirm: true when nothing of it is left (it never took bids).</summary>
    [Alias("AbortAsync")]
    Task<bool> AbortAsync();
}
