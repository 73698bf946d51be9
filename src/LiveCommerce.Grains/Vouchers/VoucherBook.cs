using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Contracts.Vouchers;

namespace LiveCommerce.Grains.Vouchers;

/// <summary>
/// The rules of one voucher drop over its stored state, with no cluster needed: claims within the limits per viewer
/// and in total, the end, and spending each claimed voucher on one order only (idempotent per checkout attempt, and
/// taken back when the attempt fails).
/// </summary>
public sealed class VoucherBook
{
    private readonly VoucherState _state;
    private readonly Dictionary<string, int> _perViewer = new(StringComparer.Ordinal);

    /// <summary>Builds the book over <paramref name="state"/>.</summary>
    public VoucherBook(VoucherState state)
    {
        _state = state;
        foreach (var claim in state.Claims.Values)
        {
            _perViewer[claim.ViewerId] = _perViewer.GetValueOrDefault(claim.ViewerId) + 1;
        }
    }

    /// <summary>The voucher as it stands.</summary>
    public Voucher Voucher => _state.Voucher!;

    /// <summary>Whether it can be claimed now.</summary>
    public bool IsActive => _state.Voucher?.Status == "active";

    /// <summary>Decides a claim by <paramref name="viewerId"/> at <paramref name="now"/>; the claimed voucher when claimed.</summary>
    public (string Status, ClaimedVoucher? Claimed) Claim(string viewerId, DateTimeOffset now)
    {
        var voucher = Voucher;
        if (_perViewer.GetValueOrDefault(viewerId) >= voucher.PerViewerLimit)
        {
            return (VoucherClaimStatus.LimitReached, null);
        }

        if (!IsActive || now >= voucher.EndsAt)
        {
            return (_state.EndReason == "soldOut" ? VoucherClaimStatus.SoldOut : VoucherClaimStatus.Ended, null);
        }

        var claimId = Guid.NewGuid().ToString("N");
        var expiresAt = voucher.EndsAt + _state.UseWindow;
        _state.Claims[claimId] = new VoucherClaimRecord { ViewerId = viewerId, ExpiresAt = expiresAt };
        _perViewer[viewerId] = _perViewer.GetValueOrDefault(viewerId) + 1;
        _state.Voucher = voucher with { Remaining = voucher.Remaining - 1 };
        if (_state.Voucher.Remaining == 0)
        {
            End("soldOut");
        }

        return (VoucherClaimStatus.Claimed, new ClaimedVoucher
        {
            VoucherId = voucher.Id, ClaimId = claimId, StreamId = voucher.StreamId, Discount = voucher.Discount, MinSpend = voucher.MinSpend, ExpiresAt = expiresAt,
        });
    }

    /// <summary>Takes back an unspent claim (it never reached the viewer): one more can be claimed. False when there is none.</summary>
    public bool Unclaim(string viewerId, string claimId)
    {
        if (!_state.Claims.TryGetValue(claimId, out var claim) || claim.ViewerId != viewerId || claim.SpentBy is not null)
        {
            return false;
        }

        _state.Claims.Remove(claimId);
        _perViewer[viewerId]--;
        if (IsActive)
        {
            _state.Voucher = Voucher with { Remaining = Voucher.Remaining + 1 };
        }

        return true;
    }

    /// <summary>Ends claiming for <paramref name="reason"/>; false when it already ended.</summary>
    public bool End(string reason)
    {
        if (!IsActive)
        {
            return false;
        }

        _state.Voucher = Voucher with { Status = "ended" };
        _state.EndReason = reason;
        _state.EndAnnounced = false;
        return true;
    }

    /// <summary>Spends a claim on attempt <paramref name="operationId"/>; false when this attempt already did.</summary>
    /// <exception cref="LiveCommerceException">409 when it is not the viewer's, expired, spent by another attempt, or this attempt was taken back.</exception>
    public bool Redeem(string viewerId, string claimId, string operationId, DateTimeOffset now)
    {
        if (!_state.Claims.TryGetValue(claimId, out var claim) || claim.ViewerId != viewerId)
        {
            throw LiveCommerceException.Conflict("You have not claimed that voucher.");
        }

        if (claim.SpentBy == operationId)
        {
            return false;
        }

        if (claim.Cancelled?.Contains(operationId) == true)
        {
            throw LiveCommerceException.Conflict("That checkout with the voucher was cancelled; check out again.");
        }

        if (claim.SpentBy is not null)
        {
            throw LiveCommerceException.Conflict("Your voucher was already used on another order.");
        }

        if (claim.ExpiresAt <= now)
        {
            throw LiveCommerceException.Conflict("Your voucher has expired.");
        }

        claim.SpentBy = operationId;
        return true;
    }

    /// <summary>Takes back the spending of attempt <paramref name="operationId"/>, or marks it cancelled if it never arrived.</summary>
    public bool Revert(string viewerId, string claimId, string operationId)
    {
        if (!_state.Claims.TryGetValue(claimId, out var claim) || claim.ViewerId != viewerId || claim.Cancelled?.Contains(operationId) == true)
        {
            return false;
        }

        (claim.Cancelled ??= []).Add(operationId);
        if (claim.SpentBy == operationId)
        {
            claim.SpentBy = null;
        }

        return true;
    }
}
