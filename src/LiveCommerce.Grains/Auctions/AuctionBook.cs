using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Grains.Auctions;

/// <summary>
/// The rules of one live auction over its stored state, with no cluster needed (contract v2, "Live auctions"):
/// proxy bidding up to each bidder's maximum, the minimum next bid, anti-sniping, the reserve, and the end.
/// <para>
/// The price shown and paid is always the same function of two maxima: a lone bidder pays the starting bid; otherwise
/// the leader pays one increment above the second-highest maximum, capped at their own maximum; when the leader's
/// maximum reaches the reserve, never less than the reserve. Ties go to the earlier bid, so a bid equal to the
/// leader's maximum is outbid at once. Only these two maxima matter: a bidder who is not leading can only come back
/// with a bid above the current price, which is already at least their old maximum. Each bid costs O(1).
/// </para>
/// </summary>
public sealed class AuctionBook(AuctionState state)
{
    /// <summary>The auction as it stands.</summary>
    public Auction Auction => state.Auction!;

    /// <summary>Whether bids are taken now.</summary>
    public bool IsActive => state.Phase == AuctionPhase.Active;

    /// <summary>
    /// Decides a bid of <paramref name="maximum"/> minor units (the most the bidder will pay) by
    /// <paramref name="bidderId"/> at <paramref name="now"/>. The caller ends an auction whose end time has come first.
    /// </summary>
    public BidDecision Bid(string bidderId, long maximum, DateTimeOffset now)
    {
        if (!IsActive || now >= Auction.EndsAt)
        {
            return new(BidStatus.Ended, false);
        }

        var auction = Auction;
        if (maximum < auction.NextBid.Amount)
        {
            return new(BidStatus.TooLow, false);
        }

        string status;
        if (auction.LeaderId is null)
        {
            state.LeaderMax = maximum;
            auction = auction with { LeaderId = bidderId };
            status = BidStatus.Leading;
        }
        else if (auction.LeaderId == bidderId)
        {
            if (maximum <= state.LeaderMax)
            {
                // The leader already bids this much: nothing changes.
                return new(BidStatus.Leading, false);
            }

            state.LeaderMax = maximum;
            status = BidStatus.Leading;
        }
        else if (maximum > state.LeaderMax)
        {
            state.SecondMax = state.LeaderMax;
            state.LeaderMax = maximum;
            auction = auction with { LeaderId = bidderId };
            status = BidStatus.Leading;
        }
        else
        {
            state.SecondMax = Math.Max(state.SecondMax ?? 0, maximum);
            status = BidStatus.Outbid;
        }

        var endsAt = auction.EndsAt;
        var window = TimeSpan.FromSeconds(auction.AntiSnipeSeconds);
        if (!auction.SuddenDeath && window > TimeSpan.Zero && endsAt - now < window)
        {
            endsAt = now + window;
        }

        var price = PriceOf(auction, state.LeaderMax, state.SecondMax);
        state.Auction = auction with
        {
            Bids = auction.Bids + 1,
            CurrentBid = price,
            NextBid = price with { Amount = price.Amount + auction.BidIncrement.Amount },
            EndsAt = endsAt,
        };
        return new(status, true);
    }

    /// <summary>
    /// Ends an active auction for <paramref name="cancelled"/> or at its end time: sold to the leader at the current
    /// price, or no bids, or reserve not met. False when it was not active.
    /// </summary>
    public bool End(bool cancelled)
    {
        if (!IsActive)
        {
            return false;
        }

        var auction = Auction;
        var reason = cancelled ? AuctionEndReason.Cancelled
            : auction.LeaderId is null ? AuctionEndReason.NoBids
            : auction.ReservePrice is { } reserve && state.LeaderMax < reserve.Amount ? AuctionEndReason.ReserveNotMet
            : AuctionEndReason.Sold;
        var sold = reason == AuctionEndReason.Sold;
        state.Phase = AuctionPhase.Ended;
        state.Auction = auction with
        {
            Status = "ended",
            EndReason = reason,
            WinnerId = sold ? auction.LeaderId : null,
            Price = sold ? auction.CurrentBid : null,
        };
        return true;
    }

    /// <summary>
    /// What the leader pays with maximum <paramref name="leaderMax"/> against the highest other maximum
    /// <paramref name="secondMax"/> (null for a lone bidder), by the contract's rule.
    /// </summary>
    public static Money PriceOf(Auction auction, long leaderMax, long? secondMax)
    {
        var price = secondMax is { } second
            ? Math.Min(leaderMax, second + auction.BidIncrement.Amount)
            : auction.StartingBid.Amount;
        if (auction.ReservePrice is { } reserve && leaderMax >= reserve.Amount)
        {
            price = Math.Max(price, reserve.Amount);
        }

        return auction.StartingBid with { Amount = price };
    }

    /// <summary>What viewers see of a bid that changed the auction.</summary>
    public BidPlaced Placed() => new()
    {
        StreamId = Auction.StreamId,
        AuctionId = Auction.Id,
        CurrentBid = Auction.CurrentBid!,
        LeaderId = Auction.LeaderId!,
        Bids = Auction.Bids,
        EndsAt = Auction.EndsAt,
        NextBid = Auction.NextBid,
    };
}
