using CsCheck;
using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Grains.Auctions;

namespace LiveCommerce.Tests.Model;

/// <summary>
/// <see cref="AuctionBook"/> on its own (no cluster), against a reference that keeps every bidder's maximum and applies
/// the contract's rule literally: the highest maximum wins (the earlier on a tie), at one increment above the second
/// maximum capped at the winner's own, the starting bid for a lone bidder, never below a reserve the winner reached.
/// </summary>
public sealed class AuctionBookModelTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    private static readonly Gen<(int Kind, int Bidder, long Amount)> Step = Gen.Frequency(
        (8, Gen.Select(Gen.Int[0, 4], Gen.Long[0, 400]).Select((b, a) => (0, b, a))),
        (2, Gen.Int[1, 40].Select(s => (1, 0, (long)s))));

    private static readonly Gen<(long Starting, long Increment, long? Reserve, int Duration, int AntiSnipe, bool SuddenDeath, (int, int, long)[] Steps)> Case =
        Gen.Select(Gen.Long[1, 100], Gen.Long[1, 30], Gen.Long[0, 400].Select(r => r < 100 ? (long?)null : r), Gen.Int[10, 60], Gen.Int[0, 15], Gen.Bool, Step.Array[1, 60]);

    [Fact]
    public void Random_bidders_maxima_and_timings_agree_with_the_contracts_rule() =>
        Case.Sample(c =>
        {
            var state = NewState(c.Starting, c.Increment, c.Reserve, c.Duration, c.AntiSnipe, c.SuddenDeath);
            var book = new AuctionBook(state);
            var model = new Reference(c.Starting, c.Increment, c.Reserve, Start.AddSeconds(c.Duration), c.AntiSnipe, c.SuddenDeath);
            var now = Start;
            var sequence = 0;
            foreach (var (kind, bidder, amount) in c.Steps)
            {
                if (kind == 1)
                {
                    now = now.AddSeconds(amount);
                    continue;
                }

                if (book.IsActive && now >= book.Auction.EndsAt)
                {
                    book.End(cancelled: false);
                }

                var expected = model.Bid("v" + bidder, amount, now, sequence++);
                var decided = book.Bid("v" + bidder, amount, now);
                Assert.Equal(expected, decided.Status);
                Assert.Equal(model.LeaderId, book.Auction.LeaderId);
                Assert.Equal(model.Price, book.Auction.CurrentBid?.Amount);
                Assert.Equal(model.EndsAt, book.Auction.EndsAt);
                Assert.Equal(model.Bids, book.Auction.Bids);
                Assert.Equal(model.Price is { } p ? p + c.Increment : c.Starting, book.Auction.NextBid.Amount);
            }

            book.End(cancelled: false);
            var (reason, winner, price) = model.Outcome();
            Assert.Equal(reason, book.Auction.EndReason);
            Assert.Equal(winner, book.Auction.WinnerId);
            Assert.Equal(price, book.Auction.Price?.Amount);
            if (price is { } paid)
            {
                Assert.True(paid <= model.MaximumOf(winner!), "the winner never pays more than their maximum");
                Assert.True(paid >= c.Starting, "the winner never pays less than the starting bid");
            }
        }, iter: 2_000);

    [Fact]
    public void The_winner_pays_one_increment_above_the_second_maximum_and_a_leader_raising_keeps_the_price()
    {
        var state = NewState(starting: 100, increment: 10, reserve: null, duration: 60, antiSnipe: 10, suddenDeath: false);
        var book = new AuctionBook(state);
        Assert.Equal(BidStatus.Leading, book.Bid("a", 500, Start).Status);
        Assert.Equal(100, book.Auction.CurrentBid!.Amount);
        Assert.Equal(BidStatus.Outbid, book.Bid("b", 200, Start.AddSeconds(1)).Status);
        Assert.Equal(210, book.Auction.CurrentBid!.Amount);
        Assert.Equal(BidStatus.Leading, book.Bid("a", 900, Start.AddSeconds(2)).Status);
        Assert.Equal(210, book.Auction.CurrentBid!.Amount);
        Assert.Equal(BidStatus.TooLow, book.Bid("c", 215, Start.AddSeconds(3)).Status);
        Assert.Equal(BidStatus.Leading, book.Bid("c", 1_000, Start.AddSeconds(55)).Status);
        Assert.Equal(910, book.Auction.CurrentBid!.Amount);
        Assert.Equal(Start.AddSeconds(65), book.Auction.EndsAt);
        Assert.True(book.End(cancelled: false));
        Assert.Equal((AuctionEndReason.Sold, "c", 910L), (book.Auction.EndReason, book.Auction.WinnerId, book.Auction.Price!.Amount));
    }

    [Fact]
    public void A_tie_goes_to_the_earlier_bid_and_a_missed_reserve_sells_nothing()
    {
        var book = new AuctionBook(NewState(starting: 100, increment: 10, reserve: 1_000, duration: 60, antiSnipe: 0, suddenDeath: true));
        Assert.Equal(BidStatus.Leading, book.Bid("a", 300, Start).Status);
        Assert.Equal(BidStatus.Outbid, book.Bid("b", 300, Start.AddSeconds(59)).Status);
        Assert.Equal(("a", 300L), (book.Auction.LeaderId, book.Auction.CurrentBid!.Amount));
        Assert.Equal(Start.AddSeconds(60), book.Auction.EndsAt);
        Assert.True(book.End(cancelled: false));
        Assert.Equal((AuctionEndReason.ReserveNotMet, (string?)null), (book.Auction.EndReason, book.Auction.WinnerId));
    }

    private static AuctionState NewState(long starting, long increment, long? reserve, int duration, int antiSnipe, bool suddenDeath) => new()
    {
        Phase = AuctionPhase.Active,
        Auction = new Auction
        {
            Id = "a1", StreamId = "s1", ProductId = "p1", Name = "Batik", Status = "active",
            StartingBid = new Money(starting, "IDR"), BidIncrement = new Money(increment, "IDR"),
            ReservePrice = reserve is { } r ? new Money(r, "IDR") : null, EndsAt = Start.AddSeconds(duration),
            AntiSnipeSeconds = antiSnipe, SuddenDeath = suddenDeath, NextBid = new Money(starting, "IDR"),
        },
    };

    /// <summary>Every bidder's maximum and when they set it; the rule worked out from all of them.</summary>
    private sealed class Reference(long starting, long increment, long? reserve, DateTimeOffset endsAt, int antiSnipe, bool suddenDeath)
    {
        private readonly Dictionary<string, (long Max, int Sequence)> _maxima = [];

        public DateTimeOffset EndsAt { get; private set; } = endsAt;

        public int Bids { get; private set; }

        public string? LeaderId => _maxima.Count == 0 ? null
            : _maxima.OrderByDescending(m => m.Value.Max).ThenBy(m => m.Value.Sequence).First().Key;

        public long? Price
        {
            get
            {
                if (LeaderId is not { } leader)
                {
                    return null;
                }

                var top = _maxima[leader].Max;
                var others = _maxima.Where(m => m.Key != leader).Select(m => m.Value.Max).ToList();
                var price = others.Count == 0 ? starting : Math.Min(top, others.Max() + increment);
                return reserve is { } r && top >= r ? Math.Max(price, r) : price;
            }
        }

        public long MaximumOf(string bidder) => _maxima[bidder].Max;

        public string Bid(string bidder, long amount, DateTimeOffset now, int sequence)
        {
            if (_ended || now >= EndsAt)
            {
                _ended = true;
                return BidStatus.Ended;
            }

            if (amount < (Price is { } p ? p + increment : starting))
            {
                return BidStatus.TooLow;
            }

            if (_maxima.TryGetValue(bidder, out var mine) && amount <= mine.Max)
            {
                return LeaderId == bidder ? BidStatus.Leading : BidStatus.Outbid;
            }

            _maxima[bidder] = (amount, sequence);
            Bids++;
            if (!suddenDeath && antiSnipe > 0 && EndsAt - now < TimeSpan.FromSeconds(antiSnipe))
            {
                EndsAt = now.AddSeconds(antiSnipe);
            }

            return LeaderId == bidder ? BidStatus.Leading : BidStatus.Outbid;
        }

        public (string Reason, string? Winner, long? Price) Outcome() =>
            LeaderId is not { } leader ? (AuctionEndReason.NoBids, null, null)
            : reserve is { } r && _maxima[leader].Max < r ? (AuctionEndReason.ReserveNotMet, null, null)
            : (AuctionEndReason.Sold, leader, Price);

        private bool _ended;
    }
}
