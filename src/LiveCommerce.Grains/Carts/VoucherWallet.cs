using LiveCommerce.Abstractions.Vouchers;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Vouchers;

namespace LiveCommerce.Grains.Carts;

/// <summary>
/// The vouchers a viewer claimed, and the rule that picks the one a checkout spends (contract v2, "Vouchers"): a voucher
/// applies to the lines of the stream it was dropped in, in its currency, once their sum reaches its minimum spend; a
/// percent rounds down to the minor unit, an amount never takes off more than those lines cost. At most one voucher
/// per order: the one that takes off most, the soonest to expire on a tie. Exact integer arithmetic throughout.
/// </summary>
public static class VoucherWallet
{
    /// <summary>What <paramref name="voucher"/> takes off <paramref name="lines"/>, or null when it does not apply.</summary>
    public static long? DiscountOf(ClaimedVoucher voucher, IReadOnlyList<CartItem> lines)
    {
        var currency = voucher.MinSpend.Currency;
        long eligible = 0;
        foreach (var line in lines)
        {
            if (line.StreamId == voucher.StreamId && line.UnitPrice.Currency == currency)
            {
                eligible = checked(eligible + (line.UnitPrice.Amount * line.Quantity));
            }
        }

        if (eligible == 0 || eligible < voucher.MinSpend.Amount)
        {
            return null;
        }

        var off = voucher.Discount.Percent is { } percent
            ? (long)((Int128)eligible * percent / 100)
            : Math.Min(voucher.Discount.Amount?.Amount ?? 0, eligible);
        return off > 0 ? off : null;
    }

    /// <summary>The voucher a checkout of <paramref name="lines"/> at <paramref name="now"/> spends, or null when none applies.</summary>
    public static VoucherUse? Best(IReadOnlyList<ClaimedVoucher> vouchers, IReadOnlyList<CartItem> lines, DateTimeOffset now)
    {
        ClaimedVoucher? best = null;
        long bestOff = 0;
        foreach (var voucher in vouchers)
        {
            if (voucher.ExpiresAt <= now || DiscountOf(voucher, lines) is not { } off)
            {
                continue;
            }

            if (best is null || off > bestOff || (off == bestOff && voucher.ExpiresAt < best.ExpiresAt))
            {
                best = voucher;
                bestOff = off;
            }
        }

        return best is null ? null : new VoucherUse(best.VoucherId, best.ClaimId, new Money(bestOff, best.MinSpend.Currency));
    }
}
