namespace LiveCommerce.Contracts.Vouchers;

/// <summary>How many of a voucher are left to claim (folded; the last one sent is exact). An addition to the contract.</summary>
[GenerateSerializer, Immutable, Alias("lc.VoucherUpdated")]
public sealed record VoucherUpdated([property: Id(0)] string StreamId, [property: Id(1)] string VoucherId, [property: Id(2)] int Remaining);
