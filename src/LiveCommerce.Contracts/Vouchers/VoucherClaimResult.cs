namespace LiveCommerce.Contracts.Vouchers;

/// <summary>The answer of <c>ClaimVoucher</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.VoucherClaimResult")]
public sealed record VoucherClaimResult
{
    /// <summary>See <see cref="VoucherClaimStatus"/>.</summary>
    [Id(0)] public required string Status { get; init; }

    /// <summary>Until when the claimed voucher can be used, when claimed (an addition to the contract).</summary>
    [Id(1)] public DateTimeOffset? ExpiresAt { get; init; }
}
