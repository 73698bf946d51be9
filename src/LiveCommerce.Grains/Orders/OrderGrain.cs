using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Orders;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Abstractions.Vouchers;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Engagement;
using LiveCommerce.Grains.Carts;
using LiveCommerce.Grains.Engagement;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Grains.Orders;

/// <inheritdoc cref="IOrderGrain" />
/// <remarks>
/// Placing stores an <see cref="OrderAttempt"/> first (with a reminder, so a crash never leaves it unsettled),
/// then takes every line: regular lines from stock, offer lines from their holds, each by an operation named by
/// the order and the attempt. When a line is refused, every line of the attempt is undone by a recorded
/// compensation and the attempt is dropped; when the outcome is unknown (a timeout, a crash), a retry with the
/// same key resumes the same attempt, and the reminder abandons it if no retry comes. The order is confirmed
/// only once stored, and is in the order feed, or has a reminder to put it there, before it is answered.
/// </remarks>
public sealed partial class OrderGrain(
    [PersistentState("order")] IPersistentState<OrderState> state,
    IOrderFeed feed,
    IEngagementRecorder engagement,
    TimeProvider time,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    private const string ReminderName = "order-settle";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PublishRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettleRetryDelay = TimeSpan.FromSeconds(3);
    private IGrainTimer? _retry;
    private IGrainTimer? _settle;
    private IGrainReminder? _reminder;

    private string OrderId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Pending is not null)
        {
            _settle = this.RegisterGrainTimer(SettleAsync, SettleRetryDelay, SettleRetryDelay);
        }

        if (state.State is { Order: not null, Published: false })
        {
            await PublishAsync();
        }
    }

    /// <inheritdoc />
    public async Task<Order> PlaceAsync(string buyerId, string idempotencyKey, IReadOnlyList<CartItem> items, VoucherUse? voucher = null)
    {
        try
        {
            return await PlaceOnceAsync(buyerId, idempotencyKey, items, voucher);
        }
        catch when (state.State.Pending is not null)
        {
            // An attempt a failure left stored is settled in a few seconds unless a retry with the same key comes
            // first; the reminder is the fallback after a crash.
            _settle ??= this.RegisterGrainTimer(SettleAsync, SettleRetryDelay, SettleRetryDelay);
            throw;
        }
    }

    private async Task<Order> PlaceOnceAsync(string buyerId, string idempotencyKey, IReadOnlyList<CartItem> items, VoucherUse? voucher)
    {
        if (state.State.Order is { } placed)
        {
            if (!state.State.Published)
            {
                await PublishAsync();
            }

            return placed;
        }

        if (state.State.Pending is { } stale && (stale.Abandoning || !SameLines(stale.Lines, items) || stale.Voucher != voucher))
        {
            // An attempt whose compensation began is finished off, never resumed; and when the cart changed since
            // the unsettled attempt, it never confirms a set of lines the buyer no longer has.
            await AbandonAsync(stale);
        }

        if (state.State.Pending is null)
        {
            if (items.Count == 0)
            {
                throw LiveCommerceException.Invalid("Your cart is empty.");
            }

            var subtotal = CartTotals.Of(items);
            if (voucher is not null && (voucher.Discount.Currency != subtotal.Currency || voucher.Discount.Amount is < 0 || voucher.Discount.Amount > subtotal.Amount))
            {
                throw LiveCommerceException.Invalid("The voucher's discount does not fit this order.");
            }

            _reminder = await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            state.State.Attempts++;
            state.State.Pending = new OrderAttempt { Number = state.State.Attempts, BuyerId = buyerId, IdempotencyKey = idempotencyKey, Lines = items.ToList(), Voucher = voucher };
            await state.WriteOrReloadAsync(this);
        }

        var attempt = state.State.Pending!;
        try
        {
            await TakeAsync(attempt);
        }
        catch (LiveCommerceException refused)
        {
            await AbandonAsync(attempt);
            throw LiveCommerceException.Conflict($"Checkout failed, nothing was charged: {refused.Message}");
        }
        catch (Exception error)
        {
            await TryAbandonAsync(attempt, error);
            throw;
        }

        var lineTotal = CartTotals.Of(attempt.Lines);
        var discount = attempt.Voucher?.Discount ?? lineTotal with { Amount = 0 };
        var order = new Order
        {
            Id = OrderId,
            BuyerId = attempt.BuyerId,
            Status = OrderStatus.Confirmed,
            Items = attempt.Lines,
            Subtotal = lineTotal,
            Discount = discount,
            VoucherId = attempt.Voucher?.VoucherId,
            Total = lineTotal with { Amount = lineTotal.Amount - discount.Amount },
            CreatedAt = time.GetUtcNow(),
            IdempotencyKey = attempt.IdempotencyKey,
        };
        state.State.Order = order;
        state.State.Pending = null;
        await state.WriteOrReloadAsync(this);
        try
        {
            await StreamEngagement.OrderConfirmedAsync(engagement, GrainFactory, order);
        }
        catch (Exception error)
        {
            LogEngagementFailed(logger, OrderId, error);
        }

        await PublishAsync();
        return order;
    }

    /// <inheritdoc />
    public Task<Order?> GetAsync() => Task.FromResult(state.State.Order);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Pending is { } pending)
        {
            await TryAbandonAsync(pending, null);
        }
        else if (state.State is { Order: not null, Published: false })
        {
            await PublishAsync();
        }
        else
        {
            await ForgetReminderAsync();
        }
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        if (state.State.Pending is { } pending)
        {
            await TryAbandonAsync(pending, null);
        }

        if (state.State.Pending is null)
        {
            _settle?.Dispose();
            _settle = null;
        }
    }

    private async Task TakeAsync(OrderAttempt attempt)
    {
        var operation = OperationOf(attempt);
        if (attempt.Voucher is { } voucher)
        {
            await GrainFactory.GetGrain<IVoucherGrain>(voucher.VoucherId).RedeemAsync(attempt.BuyerId, voucher.ClaimId, operation);
        }

        for (var i = 0; i < attempt.Lines.Count; i++)
        {
            var line = attempt.Lines[i];
            await (line.OfferId is null
                ? GrainFactory.GetGrain<IProductGrain>(line.ProductId).ApplyAsync(new SellUnits(LineOperation(operation, i), line.Quantity))
                : GrainFactory.GetGrain<IFlashOfferGrain>(line.OfferId).ConfirmHoldAsync(line.ReservationId!, attempt.BuyerId, operation));
        }
    }

    /// <summary>Undoes every line of the attempt (a line it never reached is marked cancelled) and drops it.</summary>
    private async Task AbandonAsync(OrderAttempt attempt)
    {
        if (!attempt.Abandoning)
        {
            attempt = attempt with { Abandoning = true };
            state.State.Pending = attempt;
            await state.WriteOrReloadAsync(this);
        }

        var operation = OperationOf(attempt);
        for (var i = 0; i < attempt.Lines.Count; i++)
        {
            var line = attempt.Lines[i];
            var id = LineOperation(operation, i);
            await (line.OfferId is null
                ? GrainFactory.GetGrain<IProductGrain>(line.ProductId).ApplyAsync(new UndoOperation(id + ":undo", id))
                : GrainFactory.GetGrain<IFlashOfferGrain>(line.OfferId).RevertHoldAsync(line.ReservationId!, operation));
        }

        if (attempt.Voucher is { } voucher)
        {
            await GrainFactory.GetGrain<IVoucherGrain>(voucher.VoucherId).RevertAsync(attempt.BuyerId, voucher.ClaimId, operation);
        }

        state.State.Pending = null;
        await state.WriteOrReloadAsync(this);
        await ForgetReminderAsync();
    }

    private async Task TryAbandonAsync(OrderAttempt attempt, Exception? cause)
    {
        try
        {
            await AbandonAsync(attempt);
        }
        catch (Exception error)
        {
            // The attempt stays stored; a retry with the same key resumes it, or the reminder abandons it later.
            LogUnsettled(logger, OrderId, cause ?? error);
        }
    }

    private async Task PublishAsync()
    {
        try
        {
            await feed.PublishAsync(state.State.Order!);
            state.State.Published = true;
            await state.WriteOrReloadAsync(this);
            await ForgetReminderAsync();
        }
        catch (Exception error)
        {
            // The order is stored and its reminder stays until the feed has it; a timer retries sooner.
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
            await PublishAsync();
        }

        timer?.Dispose();
    }

    private async Task ForgetReminderAsync()
    {
        try
        {
            if ((_reminder ?? await this.GetReminder(ReminderName)) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
                _reminder = null;
            }
        }
        catch (Exception error)
        {
            // A reminder left behind only ticks once more and then finds nothing to do.
            LogReminderKept(logger, OrderId, error);
        }
    }

    private string OperationOf(OrderAttempt attempt) => $"{OrderId}:{attempt.Number}";

    private static string LineOperation(string operation, int line) => $"{operation}:{line}";

    private static bool SameLines(List<CartItem> stored, IReadOnlyList<CartItem> items) =>
        stored.Count == items.Count && stored.Zip(items).All(pair =>
            pair.First.ProductId == pair.Second.ProductId && pair.First.OfferId == pair.Second.OfferId &&
            pair.First.ReservationId == pair.Second.ReservationId && pair.First.Quantity == pair.Second.Quantity &&
            pair.First.UnitPrice == pair.Second.UnitPrice);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} is confirmed but not yet in the order feed; publishing is retried")]
    private static partial void LogPublishFailed(ILogger logger, string orderId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: an attempt could not be settled yet; it is resumed on retry or abandoned by its reminder")]
    private static partial void LogUnsettled(ILogger logger, string orderId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: engagement of a confirmed order was not recorded")]
    private static partial void LogEngagementFailed(ILogger logger, string orderId, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId}: its reminder could not be removed yet")]
    private static partial void LogReminderKept(ILogger logger, string orderId, Exception error);
}
