using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Grains.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Offers;

/// <inheritdoc cref="IFlashOfferGrain" />
/// <remarks>
/// Every decision (a hold, a sale, a lapse, the end) is stored before anything is announced; the stock
/// operations it implies go through an outbox in the same stored state and are applied after it, each once.
/// A grain timer fires at the next due moment (the end, the next hold to lapse); a reminder brings the grain
/// back after a restart, so the offer still ends on time.
/// </remarks>
public sealed partial class FlashOfferGrain(
    [PersistentState("offer")] IPersistentState<FlashOfferState> state,
    IStreamNotifier notifier,
    IOptions<FlashOfferOptions> options,
    TimeProvider time,
    ILogger<FlashOfferGrain> logger) : Grain, IFlashOfferGrain, IRemindable
{
    private const string ReminderName = "offer-due";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private readonly FlashOfferOptions _options = options.Value;
    private IGrainTimer? _dueTimer;
    private IGrainTimer? _updateTimer;
    private bool _updatePending;
    private bool _writing;
    private TaskCompletionSource? _nextWrite;

    private string OfferId => this.GetPrimaryKeyString();

    private Offer? Current => state.State.Offer;

    private bool IsActive => Current?.Status == OfferStatus.Active;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current is { } offer)
        {
            if (IsActive)
            {
                // A start that stopped between storing the offer and lending the units completes here.
                await ProductOf(offer).LendToOfferAsync(OfferId, offer.Quantity);
            }

            await ProcessDueAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<Offer> StartAsync(OfferSpec spec)
    {
        if (Current is { } existing)
        {
            return existing;
        }

        if (spec.Quantity < 1 || spec.PerViewerLimit < 1)
        {
            throw LiveCommerceException.Invalid("An offer needs at least 1 unit and a per-viewer limit of at least 1.");
        }

        var offer = new Offer
        {
            Id = OfferId,
            StreamId = spec.StreamId,
            ProductId = spec.ProductId,
            Name = spec.Name,
            Price = spec.Price,
            OriginalPrice = spec.OriginalPrice,
            Quantity = spec.Quantity,
            Remaining = spec.Quantity,
            PerViewerLimit = spec.PerViewerLimit,
            EndsAt = time.GetUtcNow() + spec.Duration,
            Status = OfferStatus.Active,
        };
        state.State.Offer = offer;
        await WriteAsync();
        try
        {
            await ProductOf(offer).LendToOfferAsync(OfferId, offer.Quantity);
        }
        catch (LiveCommerceException)
        {
            state.State.Offer = null;
            await WriteAsync();
            throw;
        }

        await this.RegisterOrUpdateReminder(ReminderName, Until(offer.EndsAt, TimeSpan.FromSeconds(1)), ReminderPeriod);
        ScheduleDueTimer();
        return offer;
    }

    /// <inheritdoc />
    public Task<Offer?> GetAsync() => Task.FromResult(Current);

    /// <inheritdoc />
    public async Task<OfferClaim> ClaimAsync(string viewerId, string streamId)
    {
        if (Current is not { } offer || offer.StreamId != streamId)
        {
            return Outcome(ClaimStatus.NotFound);
        }

        var now = time.GetUtcNow();
        if (IsActive && now >= offer.EndsAt)
        {
            await ProcessDueAsync(CancellationToken.None);
        }

        offer = Current!;
        if (state.State.Holds.Values.Count(h => h.ViewerId == viewerId && h.Status != HoldStatus.Lapsed) >= offer.PerViewerLimit)
        {
            return Outcome(ClaimStatus.LimitReached);
        }

        if (!IsActive)
        {
            return Outcome(state.State.EndReason == OfferEndReason.SoldOut ? ClaimStatus.SoldOut : ClaimStatus.Ended);
        }

        if (offer.Remaining <= 0)
        {
            return Outcome(ClaimStatus.SoldOut);
        }

        var reservationId = Guid.NewGuid().ToString("N");
        var expiresAt = now + TimeSpan.FromSeconds(_options.HoldSeconds);
        state.State.Holds[reservationId] = new Hold { ViewerId = viewerId, ExpiresAt = expiresAt, Status = HoldStatus.Held };
        offer = offer with { Remaining = offer.Remaining - 1 };
        var soldOut = offer.Remaining == 0;
        if (soldOut)
        {
            offer = offer with { Status = OfferStatus.Ended };
            state.State.EndReason = OfferEndReason.SoldOut;
        }

        state.State.Offer = offer;
        await WriteAsync();
        if (soldOut)
        {
            await AnnounceEndAsync();
        }
        else
        {
            MarkUpdated();
        }

        ScheduleDueTimer();
        var line = new CartItem
        {
            ProductId = offer.ProductId,
            OfferId = OfferId,
            Quantity = 1,
            UnitPrice = offer.Price,
            ReservationId = reservationId,
            StreamId = offer.StreamId,
            Name = offer.Name,
            ExpiresAt = expiresAt,
        };
        return new OfferClaim(new ClaimResult { Status = ClaimStatus.Reserved, ReservationId = reservationId, ExpiresAt = expiresAt }, line);
    }

    /// <inheritdoc />
    public async Task CancelAsync()
    {
        if (Current is null)
        {
            throw LiveCommerceException.NotFound($"Offer '{OfferId}' was not found.");
        }

        if (IsActive)
        {
            await EndAsync(OfferEndReason.Cancelled);
        }
    }

    /// <inheritdoc />
    public async Task ConfirmHoldAsync(string reservationId, string buyerId, string orderId)
    {
        var name = Current?.Name ?? "this offer";
        if (!state.State.Holds.TryGetValue(reservationId, out var hold) || hold.ViewerId != buyerId)
        {
            throw LiveCommerceException.Conflict($"There is no hold of yours on '{name}'.");
        }

        if (hold.Status == HoldStatus.Sold && hold.OrderId == orderId)
        {
            return;
        }

        if (hold.Status != HoldStatus.Held || hold.ExpiresAt <= time.GetUtcNow())
        {
            throw LiveCommerceException.Conflict($"Your hold on '{name}' has lapsed.");
        }

        hold.Status = HoldStatus.Sold;
        hold.OrderId = orderId;
        hold.Sales++;
        state.State.Outbox[SaleKey(reservationId, hold.Sales)] = new StockOperation(StockOperation.Sale, 1);
        await WriteAsync();
        await FlushOutboxAsync();
    }

    /// <inheritdoc />
    public async Task RevertHoldAsync(string reservationId, string orderId)
    {
        if (!state.State.Holds.TryGetValue(reservationId, out var hold) || hold.Status != HoldStatus.Sold || hold.OrderId != orderId)
        {
            return;
        }

        var sale = SaleKey(reservationId, hold.Sales);
        if (!state.State.Outbox.Remove(sale))
        {
            state.State.Outbox["unsale:" + sale] = new StockOperation(StockOperation.Unsale, 1);
        }

        hold.Status = HoldStatus.Held;
        hold.OrderId = null;
        await WriteAsync();
        await FlushOutboxAsync();
        ScheduleDueTimer();
    }

    /// <inheritdoc />
    public Task<bool> ReleaseHoldAsync(string reservationId, string viewerId) => throw new NotSupportedException();

    /// <inheritdoc />
    public Task<OfferUnits> GetUnitsAsync()
    {
        var offer = Current ?? throw LiveCommerceException.NotFound($"Offer '{OfferId}' was not found.");
        var holds = state.State.Holds.Values;
        return Task.FromResult(new OfferUnits(
            offer.ProductId,
            IsActive,
            IsActive ? offer.Remaining : 0,
            holds.Count(h => h.Status == HoldStatus.Held),
            holds.Count(h => h.Status == HoldStatus.Sold)));
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => ProcessDueAsync(CancellationToken.None);

    /// <summary>Lapses due holds, ends the offer at its end time, applies the outbox, and sets the next timer.</summary>
    private async Task ProcessDueAsync(CancellationToken cancellationToken)
    {
        if (Current is not { } offer)
        {
            return;
        }

        var now = time.GetUtcNow();
        var lapsed = new List<string>();
        foreach (var (reservationId, hold) in state.State.Holds)
        {
            if (hold.Status == HoldStatus.Held && hold.ExpiresAt <= now)
            {
                hold.Status = HoldStatus.Lapsed;
                lapsed.Add(reservationId);
                if (IsActive)
                {
                    offer = offer with { Remaining = offer.Remaining + 1 };
                }
                else
                {
                    state.State.Outbox["lapse:" + reservationId] = new StockOperation(StockOperation.Return, 1);
                }
            }
        }

        state.State.Offer = offer;
        if (lapsed.Count > 0)
        {
            await WriteAsync();
            MarkUpdated();
            foreach (var reservationId in lapsed)
            {
                await GrainFactory.GetGrain<ICartGrain>(state.State.Holds[reservationId].ViewerId).DropHoldAsync(reservationId);
            }
        }

        if (IsActive && now >= offer.EndsAt)
        {
            await EndAsync(OfferEndReason.Expired);
        }

        await FlushOutboxAsync();
        ScheduleDueTimer();
        if (!IsActive && state.State.Outbox.Count == 0 && !state.State.Holds.Values.Any(h => h.Status == HoldStatus.Held))
        {
            var reminder = await this.GetReminder(ReminderName);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    private async Task EndAsync(string reason)
    {
        var offer = Current!;
        if (offer.Remaining > 0)
        {
            state.State.Outbox["end"] = new StockOperation(StockOperation.Return, offer.Remaining);
        }

        state.State.Offer = offer with { Status = OfferStatus.Ended, Remaining = 0 };
        state.State.EndReason = reason;
        await WriteAsync();
        await FlushOutboxAsync();
        await AnnounceEndAsync();
    }

    private async Task AnnounceEndAsync()
    {
        var offer = Current!;
        _updateTimer?.Dispose();
        _updateTimer = null;
        _updatePending = false;
        await notifier.SendAsync(offer.StreamId, HubEvents.OfferUpdated, new OfferUpdated(offer.StreamId, OfferId, 0));
        await notifier.SendAsync(offer.StreamId, HubEvents.OfferEnded, new OfferEnded(offer.StreamId, OfferId, state.State.EndReason ?? OfferEndReason.Expired));
        await GrainFactory.GetGrain<ILiveStreamGrain>(offer.StreamId).OfferEndedAsync(OfferId);
    }

    /// <summary>Folds changes of <c>remaining</c>: one <c>OfferUpdated</c> per interval at most, always with the latest value.</summary>
    private void MarkUpdated()
    {
        if (!IsActive)
        {
            return;
        }

        _updatePending = true;
        _updateTimer ??= this.RegisterGrainTimer(SendUpdateAsync, _options.UpdateInterval, Timeout.InfiniteTimeSpan);
    }

    private async Task SendUpdateAsync(CancellationToken cancellationToken)
    {
        // This one-shot timer is disposed only after it has sent: disposing it first would cancel the send.
        var timer = _updateTimer;
        _updateTimer = null;
        if (_updatePending && Current is { Status: OfferStatus.Active } offer)
        {
            _updatePending = false;
            await notifier.SendAsync(offer.StreamId, HubEvents.OfferUpdated, new OfferUpdated(offer.StreamId, OfferId, offer.Remaining));
        }

        timer?.Dispose();
    }

    private async Task FlushOutboxAsync()
    {
        if (state.State.Outbox.Count == 0 || Current is not { } offer)
        {
            return;
        }

        var product = ProductOf(offer);
        try
        {
            foreach (var (key, operation) in state.State.Outbox.ToList())
            {
                var operationId = OfferId + ":" + key;
                await (operation.Kind switch
                {
                    StockOperation.Return => product.ReturnFromOfferAsync(operationId, operation.Quantity),
                    StockOperation.Sale => product.RecordOfferSaleAsync(operationId, operation.Quantity),
                    _ => product.RevertOfferSaleAsync(OfferId + ":" + key["unsale:".Length..]),
                });
                state.State.Outbox.Remove(key);
            }
        }
        catch (Exception error) when (error is not LiveCommerceException)
        {
            LogOutboxDeferred(logger, OfferId, error);
        }

        await WriteAsync();
    }

    private void ScheduleDueTimer()
    {
        if (Current is not { } offer)
        {
            return;
        }

        var next = DateTimeOffset.MaxValue;
        if (IsActive)
        {
            next = offer.EndsAt;
        }

        foreach (var hold in state.State.Holds.Values)
        {
            if (hold.Status == HoldStatus.Held && hold.ExpiresAt < next)
            {
                next = hold.ExpiresAt;
            }
        }

        if (state.State.Outbox.Count > 0)
        {
            var retry = time.GetUtcNow().AddSeconds(1);
            next = next < retry ? next : retry;
        }

        _dueTimer?.Dispose();
        _dueTimer = next == DateTimeOffset.MaxValue
            ? null
            : this.RegisterGrainTimer(ProcessDueAsync, Until(next, TimeSpan.Zero) + TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Stores the state, grouping writes: a change made while a write is in flight joins the next write, and
    /// each caller returns once a write that includes its change has completed.
    /// </summary>
    private Task WriteAsync()
    {
        if (_writing)
        {
            _nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _nextWrite.Task;
        }

        return WriteNowAsync();
    }

    private async Task WriteNowAsync()
    {
        _writing = true;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The stored state is the truth: start again from it rather than from a decision that was not kept.
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            _writing = false;
            if (_nextWrite is { } next)
            {
                _nextWrite = null;
                _ = WriteQueuedAsync(next);
            }
        }
    }

    private async Task WriteQueuedAsync(TaskCompletionSource waiting)
    {
        try
        {
            await WriteNowAsync();
            waiting.SetResult();
        }
        catch (Exception error)
        {
            waiting.SetException(error);
        }
    }

    private TimeSpan Until(DateTimeOffset at, TimeSpan atLeast)
    {
        var left = at - time.GetUtcNow();
        return left > atLeast ? left : atLeast;
    }

    private IProductGrain ProductOf(Offer offer) => GrainFactory.GetGrain<IProductGrain>(offer.ProductId);

    private static string SaleKey(string reservationId, int sale) => $"sale:{reservationId}:{sale}";

    private static OfferClaim Outcome(string status) => new(new ClaimResult { Status = status }, null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stock operations of offer {OfferId} are deferred; they are retried")]
    private static partial void LogOutboxDeferred(ILogger logger, string offerId, Exception error);
}
