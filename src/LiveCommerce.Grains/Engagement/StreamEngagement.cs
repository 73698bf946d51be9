using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Engagement;

namespace LiveCommerce.Grains.Engagement;

/// <summary>The engagement events grains record: pushed cards and confirmed orders.</summary>
public static class StreamEngagement
{
    /// <summary>
    /// A pin (or an offer card) was pushed to the stream's audience: records one impression per viewer watching at
    /// that moment (the cluster-wide count the stream grain holds), and for a pin the time it was pinned.
    /// </summary>
    /// <param name="recorder">The engagement recorder.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="card">The card shown.</param>
    /// <param name="viewers">Viewers watching now.</param>
    /// <param name="surface"><see cref="EngagementSurface.Pin"/> or <see cref="EngagementSurface.Offer"/>.</param>
    /// <param name="at">When.</param>
    public static void CardPushed(IEngagementRecorder recorder, string streamId, ProductCard card, int viewers, EngagementSurface surface, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(card);
        recorder.Record(EngagementEvent.Impression(
            streamId, new ProductFacts(card.ProductId, null, card.SellerKind, card.Category), null, false, surface, Math.Max(0, viewers), at));
    }

    /// <summary>
    /// An order was confirmed: records a purchase per line (units, and revenue in the line's currency), with the
    /// product's seller and category read from its grain. Never throws: analytics must not fail a checkout.
    /// </summary>
    /// <param name="recorder">The engagement recorder.</param>
    /// <param name="grains">The grain factory.</param>
    /// <param name="order">The confirmed order.</param>
    /// <returns>A task that completes when the events are buffered.</returns>
    public static async Task OrderConfirmedAsync(IEngagementRecorder recorder, IGrainFactory grains, Order order)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(order);

        foreach (var line in order.Items)
        {
            try
            {
                var product = await grains.GetGrain<Abstractions.Products.IProductGrain>(line.ProductId).GetAsync();
                var facts = new ProductFacts(line.ProductId, product?.SellerId, product?.SellerKind, product?.Category);
                recorder.Record(EngagementEvent.Purchase(
                    line.StreamId ?? string.Empty, facts, order.BuyerId, line.Quantity,
                    Revenue(line), line.UnitPrice.Currency, order.CreatedAt));
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // A product that cannot be read right now still counts, without seller and category.
                recorder.Record(EngagementEvent.Purchase(
                    line.StreamId ?? string.Empty, new ProductFacts(line.ProductId, null, null, null), order.BuyerId, line.Quantity,
                    Revenue(line), line.UnitPrice.Currency, order.CreatedAt));
            }
        }
    }

    /// <summary>A line's revenue; order lines are bounded (10^12 per unit, 99 units), and a sum that could not fit saturates.</summary>
    private static long Revenue(CartItem line)
    {
        var revenue = (Int128)line.UnitPrice.Amount * line.Quantity;
        return revenue > long.MaxValue ? long.MaxValue : revenue < 0 ? 0 : (long)revenue;
    }
}
