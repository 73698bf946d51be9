using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Abstractions.Vouchers;

/// <summary>The voucher a checkout spends, and what it takes off, as the cart worked it out.</summary>
[GenerateSerializer, Immutable, Alias("lc.VoucherUse")]
public sealed record VoucherUse(
    [property: Id(0)] string VoucherId,
    [property: Id(1)] string ClaimId,
    [property: Id(2)] Money Discount);
