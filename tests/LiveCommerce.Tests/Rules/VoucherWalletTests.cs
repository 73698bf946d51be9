using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Vouchers;
using LiveCommerce.Grains.Carts;

namespace LiveCommerce.Tests.Rules;

/// <summary>Which voucher a checkout spends and what it takes off, in exact integer arithmetic.</summary>
public sealed class VoucherWalletTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, 9_999, 999)]
    [InlineData(15, 333, 49)]
    [InlineData(90, 1, 0)]
    [InlineData(33, 1_000_000_000_000, 330_000_000_000)]
    public void A_percent_rounds_down_to_the_minor_unit(int percent, long sum, long off)
    {
        var voucher = Voucher("s1", new VoucherDiscount { Percent = percent }, minSpend: 0);
        Assert.Equal(off == 0 ? null : off, VoucherWallet.DiscountOf(voucher, [Line("s1", sum, 1)]));
    }

    [Fact]
    public void It_applies_only_to_its_streams_lines_once_they_reach_the_minimum_spend_and_never_below_zero()
    {
        var voucher = Voucher("s1", new VoucherDiscount { Amount = new Money(50_000, "IDR") }, minSpend: 100_000);
        Assert.Null(VoucherWallet.DiscountOf(voucher, [Line("s1", 60_000, 1), Line("s2", 90_000, 1)]));
        Assert.Equal(50_000, VoucherWallet.DiscountOf(voucher, [Line("s1", 60_000, 2)]));
        var big = Voucher("s1", new VoucherDiscount { Amount = new Money(500_000, "IDR") }, minSpend: 0);
        Assert.Equal(120_000, VoucherWallet.DiscountOf(big, [Line("s1", 60_000, 2)]));
    }

    [Fact]
    public void The_best_unexpired_voucher_is_spent_and_at_most_one()
    {
        var small = Voucher("s1", new VoucherDiscount { Amount = new Money(10_000, "IDR") }, 0);
        var large = Voucher("s1", new VoucherDiscount { Percent = 20 }, 0);
        var expired = Voucher("s1", new VoucherDiscount { Percent = 90 }, 0) with { ExpiresAt = Now };
        var use = VoucherWallet.Best([small, large, expired], [Line("s1", 100_000, 1)], Now);
        Assert.Equal((large.ClaimId, 20_000L), (use!.ClaimId, use.Discount.Amount));
        Assert.Null(VoucherWallet.Best([expired], [Line("s1", 100_000, 1)], Now));
    }

    private static ClaimedVoucher Voucher(string streamId, VoucherDiscount discount, long minSpend) => new()
    {
        VoucherId = "v-" + Guid.NewGuid().ToString("N")[..6], ClaimId = Guid.NewGuid().ToString("N"), StreamId = streamId,
        Discount = discount, MinSpend = new Money(minSpend, "IDR"), ExpiresAt = Now.AddMinutes(5),
    };

    private static CartItem Line(string streamId, long price, int quantity) =>
        new() { ProductId = "p-" + price, Quantity = quantity, UnitPrice = new Money(price, "IDR"), StreamId = streamId };
}
