using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Grains.Carts;

/// <summary>Sums cart and order lines in exact integer arithmetic, refusing what could not be charged.</summary>
public static class CartTotals
{
    /// <summary>The total of <paramref name="lines"/> in their one currency.</summary>
    /// <exception cref="LiveCommerceException">400 when a price is out of bounds, currencies differ, or the sum would overflow.</exception>
    public static Money Of(IReadOnlyList<CartItem> lines)
    {
        if (lines.Count == 0)
        {
            return new Money(0, string.Empty);
        }

        var currency = lines[0].UnitPrice.Currency;
        long total = 0;
        foreach (var line in lines)
        {
            if (line.UnitPrice.Currency != currency)
            {
                throw LiveCommerceException.Invalid($"A cart is in one currency ({currency}); check it out before buying in {line.UnitPrice.Currency}.");
            }

            if (line.UnitPrice.Amount is < 0 or > Money.MaxAmount || line.Quantity < 1)
            {
                throw LiveCommerceException.Invalid($"The line of '{line.Name ?? line.ProductId}' cannot be charged.");
            }

            try
            {
                total = checked(total + (line.UnitPrice.Amount * line.Quantity));
            }
            catch (OverflowException)
            {
                throw LiveCommerceException.Invalid("The cart's total is too large to charge; split it into several orders.");
            }
        }

        return new Money(total, currency);
    }
}
