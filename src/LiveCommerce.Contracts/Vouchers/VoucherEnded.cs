namespace LiveCommerce.Contracts.Vouchers;

/// <summary>Claiming a voucher has closed: <c>soldOut</c>, <c>expired</c> or <c>cancelled</c>. Claimed vouchers stay usable until they expire.</summary>
[GenerateSerializer, Immutable, Alias("lc.VoucherEnded")]
public sealed record VoucherEnded([property: Id(0)] string StreamId, [property: Id(1)] string VoucherId, [property: Id(2)] string Reason);
