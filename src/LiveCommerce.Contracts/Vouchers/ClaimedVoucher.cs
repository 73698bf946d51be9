using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Vouchers;

/// <summary>A voucher a viewer claimed, as it sits in their cart's wallet until used or expired.</summary>
[GenerateSerializer, Immutable, Alias("lc.ClaimedVoucher")]
public sealed record ClaimedVoucher
{
    /// <summary>The voucher.</summary>
    [Id(0)] public required string VoucherId { get; init; }

    /// <summary>Names this claim among the viewer's claims of the voucher.</summary>
    [Id(1)] public required string ClaimId { get; init; }

    /// <summary>The stream whose lines it applies to.</summary>
    [Id(2)] public required string StreamId { get; init; }

    /// <summary>The discount.</summary>
    [Id(3)] public required VoucherDiscount Discount { get; init; }

    /// <summary>The least sum of the stream's lines it applies to.</summary>
    [Id(4)] public required Money MinSpend { get; init; }

    /// <summary>When it can no longer be used: the voucher's end plus the hold period.</summary>
    [Id(5)] public DateTimeOffset ExpiresAt { get; init; }
}
