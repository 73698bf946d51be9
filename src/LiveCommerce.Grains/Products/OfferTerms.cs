using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Grains.Products;

/// <summary>
/// The seller-terms rule of contract v2: in the seller's own streams anything goes; in another creator's stream
/// an offer, auction or giveaway on the product needs the seller's terms, a price at or above their floor and
/// no more units than their cap, else 403 saying why.
/// </summary>
public static class OfferTerms
{
    /// <summary>
    /// Checks a live sale of <paramref name="units"/> at <paramref name="price"/> in <paramref name="creatorId"/>'s stream;
    /// a null price (a giveaway, whose winners count as units only) is held to the unit cap alone.
    /// </summary>
    /// <exception cref="LiveCommerceException">403 with the reason when the terms do not allow it.</exception>
    public static void Check(Product product, string creatorId, Money? price, int units)
    {
        if (product.SellerId == creatorId)
        {
            return;
        }

        if (product.Terms is not { } terms)
        {
            throw LiveCommerceException.Forbidden(
                $"'{product.Name}' belongs to another seller, who has set no terms for other creators' streams: only their own streams may run offers on it.");
        }

        if (terms.MinLivePrice is { } floor && price is not null && price.Amount < floor.Amount)
        {
            throw LiveCommerceException.Forbidden(
                $"The seller of '{product.Name}' allows live prices from {floor.Amount} {floor.Currency}; {price.Amount} {price.Currency} is below it.");
        }

        if (terms.MaxOfferUnits is { } cap && units > cap)
        {
            throw LiveCommerceException.Forbidden(
                $"The seller of '{product.Name}' allows at most {cap} units per offer in other creators' streams; this one asks for {units}.");
        }
    }
}
