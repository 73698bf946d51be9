using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Grains.Offers;

/// <summary>
/// The rules of one flash offer's units, over its stored state, with no cluster needed: claims, holds, sales,
/// releases, lapses and the end. Each rule costs O(1): per-viewer counts and the held and sold totals are kept
/// as it goes, and holds lapse from a queue in expiry order (every hold lasts as long), never by a scan.
/// Every stock change it implies is appended to the state's outbox as a typed, uniquely named operation, and every
/// change of a hold goes to its <see cref="HoldLog"/>, so a group write stores only what changed.
/// </summary>
public sealed class HoldLedger
{
    private readonly FlashOfferState _state;
    private readonly string _offerId;
    private readonly Dictionary<string, Hold> _holds;
    private readonly Dictionary<string, int> _perViewer = new(StringComparer.Ordinal);
    private readonly Queue<string> _byExpiry = new();
    private int _held;
    private int _sold;

    /// <summary>Builds the ledger over <paramref name="state"/> with no sealed pages (a new offer).</summary>
    public HoldLedger(FlashOfferState state, string offerId)
        : this(state, offerId, [])
    {
    }

    /// <summary>
    /// Builds the ledger over <paramref name="state"/> and the pages of its chain, oldest first (after activation or
    /// a reload): the same holds, counts and lapse order as the ledger that stored them.
    /// </summary>
    public HoldLedger(FlashOfferState state, string offerId, IEnumerable<HoldPage> pagesOldestFirst, int pageSize = HoldLog.DefaultPageSize)
    {
        _state = state;
        _offerId = offerId;
        _holds = HoldLog.Replay(pagesOldestFirst, state);
        Log = new HoldLog(state, pageSize);
        foreach (var (reservationId, hold) in _holds.OrderBy(h => h.Value.ExpiresAt))
        {
            if (hold.Status is HoldStatus.Held or HoldStatus.Sold)
            {
                _perViewer[hold.ViewerId] = _perViewer.GetValueOrDefault(hold.ViewerId) + 1;
                _byExpiry.Enqueue(reservationId);
                _ = hold.Status == HoldStatus.Held ? _held++ : _sold++;
            }
        }
    }

    /// <summary>Where the changes of holds go before they are stored.</summary>
    public HoldLog Log { get; }

    /// <summary>Every hold of the offer by reservation id, in its latest version.</summary>
    public IReadOnlyDictionary<string, Hold> Holds => _holds;

    /// <summary>Whether viewers can claim now.</summary>
    public bool IsActive => _state.Phase == OfferPhase.Active;

    /// <summary>Units held and not yet bought.</summary>
    public int Held => _held;

    /// <summary>Units sold (bought through a hold) and not taken back.</summary>
    public int Sold => _sold;

    /// <summary>The id of the stock operation that lent the offer its units.</summary>
    public string LendId => _offerId + ":lend";

    /// <summary>The next moment something is due: the end of an active offer, or the next hold to lapse.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            DateTimeOffset? next = IsActive ? _state.Offer!.EndsAt : null;
            if (_byExpiry.TryPeek(out var head) && (next is null || _holds[head].ExpiresAt < next))
            {
                next = _holds[head].ExpiresAt;
            }

            return next;
        }
    }

    /// <summary>Whether nothing more can happen: ended or aborted, with no hold left open and nothing left to tell the product.</summary>
    public bool IsSettled => _state.Phase is OfferPhase.Ended or OfferPhase.Aborted && _held == 0 && _state.Outbox.Count == 0;

    /// <summary>Decides a claim by <paramref name="viewerId"/> at <paramref name="now"/>.</summary>
    public ClaimDecision Claim(string viewerId, DateTimeOffset now, TimeSpan holdFor)
    {
        var offer = _state.Offer!;
        if (_perViewer.GetValueOrDefault(viewerId) >= offer.PerViewerLimit)
        {
            return new(ClaimStatus.LimitReached, null, null, false);
        }

        if (!IsActive)
        {
            return new(_state.EndReason == OfferEndReason.SoldOut ? ClaimStatus.SoldOut : ClaimStatus.Ended, null, null, false);
        }

        if (offer.Remaining <= 0)
        {
            return new(ClaimStatus.SoldOut, null, null, false);
        }

        var expiresAt = now + holdFor;
        var reservationId = HoldFor(viewerId, expiresAt);
        var soldOut = offer.Remaining == 1 && End(OfferEndReason.SoldOut);
        return new(ClaimStatus.Reserved, reservationId, expiresAt, soldOut);
    }

    /// <summary>
    /// Awards the units of an active lot: one hold each for <paramref name="winners"/> (distinct, at most the units) at
    /// <paramref name="unitPrice"/>, then ends it, so the units nobody won go back to stock and a hold that lapses goes
    /// back to stock too. Answers each winner's reservation id; a repeat after the award answers the same holds.
    /// </summary>
    public IReadOnlyList<(string ViewerId, string ReservationId, Hold Hold)> Award(IReadOnlyList<string> winners, Money unitPrice, DateTimeOffset now, TimeSpan holdFor)
    {
        if (IsActive)
        {
            var offer = _state.Offer!;
            if (winners.Count > offer.Remaining || winners.Distinct(StringComparer.Ordinal).Count() != winners.Count)
            {
                throw LiveCommerceException.Invalid("A lot awards one unit to each of at most as many distinct winners as it has units.");
            }

            _state.Offer = offer with { Price = unitPrice };
            foreach (var viewerId in winners)
            {
                HoldFor(viewerId, now + holdFor);
            }

            End(OfferEndReason.Expired);
        }

        var wanted = winners.ToHashSet(StringComparer.Ordinal);
        return _holds.Where(h => wanted.Contains(h.Value.ViewerId)).Select(h => (h.Value.ViewerId, h.Key, h.Value)).ToList();
    }

    /// <summary>Lapses every hold due by <paramref name="now"/>; answers the lapsed holds (reservation id, viewer).</summary>
    public IReadOnlyList<(string ReservationId, string ViewerId)> LapseDue(DateTimeOffset now)
    {
        List<(string, string)>? lapsed = null;
        while (_byExpiry.TryPeek(out var reservationId) && _holds[reservationId].ExpiresAt <= now)
        {
            _byExpiry.Dequeue();
            var hold = _holds[reservationId];
            if (hold.Status == HoldStatus.Held)
            {
                Free(reservationId, hold, HoldStatus.Lapsed);
                (lapsed ??= []).Add((reservationId, hold.ViewerId));
            }
        }

        return lapsed ?? (IReadOnlyList<(string, string)>)[];
    }

    /// <summary>Gives back <paramref name="viewerId"/>'s held unit at once; false when there is no such open hold.</summary>
    public bool Release(string reservationId, string viewerId)
    {
        if (!_holds.TryGetValue(reservationId, out var hold) || hold.ViewerId != viewerId || hold.Status != HoldStatus.Held)
        {
            return false;
        }

        Free(reservationId, hold, HoldStatus.Released);
        return true;
    }

    /// <summary>Sells a held unit to its holder for the checkout attempt <paramref name="operationId"/>; false when it already did.</summary>
    /// <exception cref="LiveCommerceException">409 when there is no such hold of the buyer's, or it lapsed, or this attempt was cancelled.</exception>
    public bool Confirm(string reservationId, string buyerId, string operationId, DateTimeOffset now)
    {
        var name = _state.Offer?.Name ?? "this offer";
        if (!_holds.TryGetValue(reservationId, out var hold) || hold.ViewerId != buyerId)
        {
            throw LiveCommerceException.Conflict($"There is no hold of yours on '{name}'.");
        }

        if (hold.Status == HoldStatus.Sold && hold.SaleOperation == operationId)
        {
            return false;
        }

        if (hold.Cancelled?.Contains(operationId) == true)
        {
            throw LiveCommerceException.Conflict($"That checkout of '{name}' was cancelled; check out again.");
        }

        if (hold.Status != HoldStatus.Held || hold.ExpiresAt <= now)
        {
            throw LiveCommerceException.Conflict(hold.Status == HoldStatus.Sold
                ? $"Your hold on '{name}' was bought in another checkout."
                : $"Your hold on '{name}' has lapsed.");
        }

        hold.Status = HoldStatus.Sold;
        hold.SaleOperation = operationId;
        Log.Changed(reservationId, hold);
        _held--;
        _sold++;
        _state.Outbox.Add(new SellOfferUnits(SaleId(reservationId, operationId), 1));
        return true;
    }

    /// <summary>
    /// Takes back the sale of checkout attempt <paramref name="operationId"/>, or, when it never arrived, marks the
    /// attempt cancelled so that a late confirmation is refused. The unit is held again, or lapses when its time is up.
    /// Answers whether anything changed.
    /// </summary>
    public bool Revert(string reservationId, string operationId, DateTimeOffset now)
    {
        if (!_holds.TryGetValue(reservationId, out var hold) || hold.Cancelled?.Contains(operationId) == true)
        {
            return false;
        }

        (hold.Cancelled ??= []).Add(operationId);
        Log.Changed(reservationId, hold);
        if (hold.Status != HoldStatus.Sold || hold.SaleOperation != operationId)
        {
            return true;
        }

        var sale = SaleId(reservationId, operationId);
        _state.Outbox.Add(new UndoOperation(sale + ":undo", sale));
        hold.Status = HoldStatus.Held;
        hold.SaleOperation = null;
        _sold--;
        _held++;
        if (hold.ExpiresAt <= now)
        {
            Free(reservationId, hold, HoldStatus.Lapsed);
        }

        return true;
    }

    /// <summary>Ends an active offer; units neither held nor sold go back to stock. False when it was not active.</summary>
    public bool End(string reason)
    {
        if (!IsActive)
        {
            return false;
        }

        var offer = _state.Offer!;
        if (offer.Remaining > 0)
        {
            _state.Outbox.Add(new ReturnUnits(_offerId + ":end", offer.Remaining));
        }

        _state.Offer = offer with { Status = OfferStatus.Ended, Remaining = 0 };
        _state.Phase = OfferPhase.Ended;
        _state.EndReason = reason;
        _state.EndAnnounced = _state.Lot;
        return true;
    }

    /// <summary>
    /// Aborts a start that could not be confirmed: a starting offer, or an active one nobody has claimed from.
    /// Its lend is undone (or cancelled, if it never arrived). False when it has holds and must run its course.
    /// </summary>
    public bool Abort()
    {
        if (_state.Phase == OfferPhase.Aborted)
        {
            return true;
        }

        if (_state.Phase is not (OfferPhase.Starting or OfferPhase.Active) || _holds.Count > 0)
        {
            return false;
        }

        _state.Outbox.Add(new UndoOperation(LendId + ":undo", LendId));
        _state.Phase = OfferPhase.Aborted;
        _state.Offer = _state.Offer! with { Status = OfferStatus.Ended, Remaining = 0 };
        return true;
    }

    /// <summary>Holds one remaining unit for <paramref name="viewerId"/> until <paramref name="expiresAt"/>; answers its reservation id.</summary>
    private string HoldFor(string viewerId, DateTimeOffset expiresAt)
    {
        var reservationId = Guid.NewGuid().ToString("N");
        var hold = new Hold { ViewerId = viewerId, ExpiresAt = expiresAt, Status = HoldStatus.Held };
        _holds[reservationId] = hold;
        Log.Changed(reservationId, hold);
        _perViewer[viewerId] = _perViewer.GetValueOrDefault(viewerId) + 1;
        _byExpiry.Enqueue(reservationId);
        _held++;
        _state.Offer = _state.Offer! with { Remaining = _state.Offer.Remaining - 1 };
        return reservationId;
    }

    private void Free(string reservationId, Hold hold, string status)
    {
        hold.Status = status;
        Log.Changed(reservationId, hold);
        _held--;
        var left = _perViewer[hold.ViewerId] - 1;
        if (left == 0)
        {
            _perViewer.Remove(hold.ViewerId);
        }
        else
        {
            _perViewer[hold.ViewerId] = left;
        }

        if (IsActive)
        {
            _state.Offer = _state.Offer! with { Remaining = _state.Offer.Remaining + 1 };
        }
        else
        {
            _state.Outbox.Add(new ReturnUnits(_offerId + ":back:" + reservationId, 1));
        }
    }

    private string SaleId(string reservationId, string operationId) => $"{_offerId}:sale:{reservationId}:{operationId}";
}
