using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Vouchers;

/// <summary>A voucher's discount: exactly one of <see cref="Percent"/> (1 to 90) and <see cref="Amount"/>.</summary>
[GenerateSerializer, Immutable, Alias("lc.VoucherDiscount")]
public sealed record VoucherDiscount
{
    /// <summary>Percent off the stream's lines, rounded down to the currency's minor unit.</summary>
    [Id(0)] public int? Percent { get; init; }

    /// <summary>An amount off, at most the sum of the stream's lines.</summary>
    [Id(1)] public Money? Amount { get; init; }
}
