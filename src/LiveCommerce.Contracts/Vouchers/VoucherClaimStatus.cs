namespace LiveCommerce.Contracts.Vouchers;

/// <summary>The outcome of <c>ClaimVoucher</c>.</summary>
public static class VoucherClaimStatus
{
    /// <summary>The voucher is the viewer's until it expires.</summary>
    public const string Claimed = "claimed";

    /// <summary>Every voucher was claimed.</summary>
    public const string SoldOut = "soldOut";

    /// <summary>Claiming has closed.</summary>
    public const string Ended = "ended";

    /// <summary>The viewer claimed as many as one viewer may.</summary>
    public const string LimitReached = "limitReached";

    /// <summary>No such voucher in this stream.</summary>
    public const string NotFound = "notFound";
}
