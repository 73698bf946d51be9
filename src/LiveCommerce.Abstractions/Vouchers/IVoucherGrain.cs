using LiveCommerce.Contracts.Vouchers;

namespace LiveCommerce.Abstractions.Vouchers;

/// <summary>
/// One voucher drop, keyed by its id: claims are decided one at a time here (limits per viewer and in total), and it
/// is the one place that knows whether a claimed voucher was spent, so each is spent by one order only.
/// </summary>
[Alias("lc.IVoucherGrain")]
public interface IVoucherGrain : IGrainWithStringKey
{
    /// <summary>Drops it. A repeat answers the same voucher.</summary>
    [Alias("StartAsync")]
    Task<Voucher> StartAsync(VoucherSpec spec);

    /// <summary>The voucher, or null when there is none.</summary>
    [Alias("GetAsync")]
    Task<Voucher?> GetAsync();

    /// <summary>Claims one for <paramref name="viewerId"/>.</summary>
    [Alias("ClaimAsync")]
    Task<VoucherClaim> ClaimAsync(string viewerId, string streamId);

    /// <summary>Takes back a claim that could not reach the viewer's wallet (nothing was spent): it can be claimed again.</summary>
    [Alias("UnclaimAsync")]
    Task UnclaimAsync(string viewerId, string claimId);

    /// <summary>
    /// Spends <paramref name="viewerId"/>'s claim <paramref name="claimId"/> on checkout attempt
    /// <paramref name="operationId"/>; idempotent per attempt. 409 when it expired, was spent by another attempt, or
    /// this attempt was taken back.
    /// </summary>
    [Alias("RedeemAsync")]
    Task RedeemAsync(string viewerId, string claimId, string operationId);

    /// <summary>Takes back the spending of an attempt that could not complete (or marks it cancelled if it never arrived). Idempotent.</summary>
    [Alias("RevertAsync")]
    Task RevertAsync(string viewerId, string claimId, string operationId);

    /// <summary>Ends claiming early; vouchers already claimed stay usable until they expire.</summary>
    [Alias("CancelAsync")]
    Task CancelAsync();
}
