using LiveCommerce.Contracts.Vouchers;

namespace LiveCommerce.Abstractions.Vouchers;

/// <summary>The outcome of a voucher claim, with the claimed voucher for the viewer's wallet when claimed.</summary>
[GenerateSerializer, Immutable, Alias("lc.VoucherClaim")]
public sealed record VoucherClaim([property: Id(0)] VoucherClaimResult Result, [property: Id(1)] ClaimedVoucher? Claimed);
