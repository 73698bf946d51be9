namespace LiveCommerce.Grains.Auctions;

/// <summary>What <see cref="AuctionBook.Bid"/> decided: the bidder's status, and whether the auction changed (to store and announce).</summary>
public readonly record struct BidDecision(string Status, bool Changed);
