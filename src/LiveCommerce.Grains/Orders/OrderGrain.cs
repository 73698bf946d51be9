using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Orders;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Engagement;
using LiveCommerce.Grains.Engagement;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Grains.Orders;

/// <inheritdoc cref="IOrderGrain" />
/// <remarks>
/// Placing takes the units of every line, regular lines from stock and offer lines from their holds; when one
/// line cannot be had, what was taken is given back and the checkout fails naming that line. Every stock
/// operation carries the order's id, so a retry after a crash repeats nothing.
/// </remarks>
public sealed partial class OrderGrain(
    [PersistentState("order")] IPersistentState<OrderState> state,
    IOrderFeed feed,
    IEngagementRecorder engagement,
    TimeProvider time,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain
{
    private static readonly TimeSpan PublishRetryDelay = TimeSpan.FromSeconds(5);
    private IGrainTimer? _retry;

    private string OrderId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State is { Order: not null, Published: false })
        {
            await PublishAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<Order> PlaceAsync(string buyerId, string idempotencyKey, IReadOnlyList<CartItem> items)
    {
        if (state.State.Order is { } placed)
        {
            return placed;
        }

        var regular = items.Where(i => i.OfferId is null).ToList();
        var held = items.Where(i => i.OfferId is not null).ToList();
        var sold = new List<CartItem>();
        var confirmed = new List<CartItem>();
        try
        {
            foreach (var line in regular)
            {
                await GrainFactory.GetGrain<IProductGrain>(line.ProductId).SellAsync(OrderId, line.Quantity);
                sold.Add(line);
            }

            foreach (var line in held)
            {
                await GrainFactory.GetGrain<IFlashOfferGrain>(line.OfferId!).ConfirmHoldAsync(line.ReservationId!, buyerId, OrderId);
                confirmed.Add(line);
            }
        }
        catch (LiveCommerceException refused)
        {
            foreach (var line in confirmed)
            {
                await GrainFactory.GetGrain<IFlashOfferGrain>(line.OfferId!).RevertHoldAsync(line.ReservationId!, OrderId);
            }

            foreach (var line in sold)
            {
                await GrainFactory.GetGrain<IProductGrain>(line.ProductId).UnsellAsync(OrderId);
            }

            throw LiveCommerceException.Conflict($"Checkout failed, nothing was charged: {refused.Message}");
        }

        var currency = items[0].UnitPrice.Currency;
        var order = new Order
        {
            Id = OrderId,
            BuyerId = buyerId,
            Status = OrderStatus.Confirmed,
            Items = items.ToList(),
            Total = new Money(items.Aggregate(0L, (sum, i) => checked(sum + (i.UnitPrice.Amount * i.Quantity))), currency),
            CreatedAt = time.GetUtcNow(),
            IdempotencyKey = idempotencyKey,
        };
        state.State.Order = order;
        await state.WriteStateAsync();
        await StreamEngagement.OrderConfirmedAsync(engagement, GrainFactory, order);
        await PublishAsync(CancellationToken.None);
        return order;
    }

    /// <inheritdoc />
    public Task<Order?> GetAsync() => Task.FromResult(state.State.Order);

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        try
        {
            await feed.PublishAsync(state.State.Order!, cancellationToken);
            state.State.Published = true;
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The order is stored; it is published again in a few seconds, and on its next activation.
            LogPublishFailed(logger, OrderId, error);
            _retry ??= this.RegisterGrainTimer(RetryPublishAsync, PublishRetryDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RetryPublishAsync(CancellationToken cancellationToken)
    {
        // A one-shot timer: it is disposed only after the retry, which may set a new one.
        var timer = _retry;
        _retry = null;
        if (state.State is { Order: not null, Published: false })
        {
            await PublishAsync(CancellationToken.None);
        }

        timer?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} is confirmed but not yet in the order feed; publishing is retried")]
    private static partial void LogPublishFailed(ILogger logger, string orderId, Exception error);
}
