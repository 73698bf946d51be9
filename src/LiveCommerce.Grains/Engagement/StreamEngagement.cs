using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Engagement;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Grains.Engagement;

/// <summary>
/// One-line engagement hooks for grains (they take the grain's service provider, so a grain needs no new
/// constructor parameter, and do nothing where no recorder is registered, as in bare grain test clusters).
/// </summary>
public static class StreamEngagement
{
    /// <summary>
    /// A pin (or an offer card) was pushed to the stream's audience: records one impression per viewer watching at
    /// that moment (the cluster-wide count the stream grain holds), and for a pin the time it was pinned.
    /// </summary>
    /// <param name="services">The grain's service provider.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="card">The card shown.</param>
    /// <param name="viewers">Viewers watching now.</param>
    /// <param name="surface"><see cref="EngagementSurface.Pin"/> or <see cref="EngagementSurface.Offer"/>.</param>
    /// <param name="at">When.</param>
    public static void CardPushed(IServiceProvider services, string streamId, ProductCard card, int viewers, EngagementSurface surface, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(card);
        services.GetService<IEngagementRecorder>()?.Record(EngagementEvent.Impression(
            streamId, new ProductFacts(card.ProductId, null, card.SellerKind, card.Category), null, false, surface, Math.Max(0, viewers), at));
    }

    /// <summary>
    /// An order was confirmed: records a purchase per line (units, and revenue in the line's currency), with the
    /// product's seller and category read from its grain. Never throws: analytics must not fail a checkout.
    /// </summary>
    /// <param name="services">The grain's service provider.</param>
    /// <param name="grains">The grain factory.</param>
    /// <param name="order">The confirmed order.</param>
    /// <returns>A task that completes when the events are buffered.</returns>
    public static async Task OrderConfirmedAsync(IServiceProvider services, IGrainFactory grains, Order order)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(order);
        if (services.GetService<IEngagementRecorder>() is not { } recorder)
        {
            return;
        }

        foreach (var line in order.Items)
        {
            try
            {
                var product = await grains.GetGrain<Abstractions.Products.IProductGrain>(line.ProductId).GetAsync();
                var facts = new ProductFacts(line.ProductId, product?.SellerId, product?.SellerKind, product?.Category);
                recorder.Record(EngagementEvent.Purchase(
                    line.StreamId ?? string.Empty, facts, order.BuyerId, line.Quantity,
                    checked(line.UnitPrice.Amount * line.Quantity), line.UnitPrice.Currency, order.CreatedAt));
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // A product that cannot be read right now still counts, without seller and category.
                recorder.Record(EngagementEvent.Purchase(
                    line.StreamId ?? string.Empty, new ProductFacts(line.ProductId, null, null, null), order.BuyerId, line.Quantity,
                    line.UnitPrice.Amount * line.Quantity, line.UnitPrice.Currency, order.CreatedAt));
            }
        }
    }
}
