using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Storage;

namespace LiveCommerce.Grains.Offers;

/// <inheritdoc cref="IFlashOfferGrain" />
/// <remarks>
/// A shell over <see cref="FlashOfferState"/> and its <see cref="HoldLedger"/>. Every decision is stored before
/// it is answered or announced; the stock operations it implies wait in the stored outbox and are applied after
/// it, in order, each once (<see cref="OfferWork"/>). A timer fires at the next due moment and a reminder brings
/// the grain back after a crash, so holds lapse, the offer ends, and the outbox drains whatever happens. The
/// timer is moved only when the next due moment comes earlier, never once per claim.
/// </remarks>
public sealed class FlashOfferGrain(
    [PersistentState("offer")] IPersistentState<FlashOfferState> state,
    IStreamNotifier notifier,
    IOptions<FlashOfferOptions> options,
    TimeProvider time,
    ILogger<FlashOfferGrain> logger) : Grain, IFlashOfferGrain, IRemindable
{
    private const string ReminderName = "offer-due";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private readonly FlashOfferOptions _options = options.Value;
    private OfferWork _work = null!;
    private IGrainTimer? _dueTimer;
    private DateTimeOffset _dueTimerAt;

    private string OfferId => this.GetPrimaryKeyString();

    private HoldLedger Ledger => _work.Ledger;

    private bool Visible => state.State.Phase is OfferPhase.Active or OfferPhase.Ended;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        _work = new OfferWork(this, GrainFactory, state, new HoldPageStore(storage, this.GetGrainId()), notifier, _options, logger);
        await _work.LoadAsync();
        if (state.State.Phase == OfferPhase.Starting)
        {
            // A start that stopped half-way was never confirmed to its stream: it is aborted, never resumed.
            Ledger.Abort();
            await _work.StoreAsync();
        }

        if (state.State.Phase is not null)
        {
            await ProcessDueAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<Offer> StartAsync(OfferSpec spec)
    {
        await _work.ReadyAsync();
        switch (state.State.Phase)
        {
            case OfferPhase.Active or OfferPhase.Ended:
                return state.State.Offer!;
            case OfferPhase.Aborted:
                throw LiveCommerceException.Conflict("This offer could not start; start a new one.");
            case null:
                if (spec.Quantity < 1 || spec.PerViewerLimit < 1)
                {
                    throw LiveCommerceException.Invalid("An offer needs at least 1 unit and a per-viewer limit of at least 1.");
                }

                state.State.Offer = new Offer
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
                state.State.Phase = OfferPhase.Starting;
                state.State.CreatorId = spec.CreatorId;
                state.State.Lot = spec.Lot;
                await _work.StoreAsync();
                break;
        }

        try
        {
            // The reminder comes first: whatever happens next, the grain comes back to settle this start.
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            await _work.Product.ApplyAsync(new LendUnits(Ledger.LendId, state.State.Offer!.Quantity));
            state.State.Phase = OfferPhase.Active;
            await _work.StoreAsync();
        }
        catch
        {
            // Nothing of a start that was not confirmed stays: the lend is undone, or cancelled if it never arrived.
            Ledger.Abort();
            await _work.TryStoreAndFlushAsync();
            ScheduleDueTimer();
            throw;
        }

        _work.Started(state.State.Offer!.Remaining);
        ScheduleDueTimer();
        return state.State.Offer!;
    }

    /// <inheritdoc />
    public Task<Offer?> GetAsync() => Task.FromResult(Visible && !state.State.Lot ? state.State.Offer : null);

    /// <inheritdoc />
    public async Task<OfferClaim> ClaimAsync(string viewerId, string streamId)
    {
        await _work.ReadyAsync();
        if (!Visible || state.State.Lot || state.State.Offer!.StreamId != streamId)
        {
            return new(new ClaimResult { Status = ClaimStatus.NotFound }, null);
        }

        var now = time.GetUtcNow();
        var lapsed = Ledger.LapseDue(now);
        var ended = Ledger.IsActive && now >= state.State.Offer.EndsAt && Ledger.End(OfferEndReason.Expired);
        var decision = Ledger.Claim(viewerId, now, TimeSpan.FromSeconds(_options.HoldSeconds));
        if (lapsed.Count > 0 || ended || decision.ReservationId is not null)
        {
            await _work.StoreAsync();
        }

        if (lapsed.Count > 0 || ended || decision.SoldOut)
        {
            await _work.AfterChangeAsync(lapsed);
        }
        else
        {
            // Nothing of this claim is owed to the product or the viewers: its answer does not wait for what others owe.
            _ = _work.AfterChangeAsync(lapsed);
        }

        ScheduleDueTimer();
        if (decision.ReservationId is null)
        {
            return new(new ClaimResult { Status = decision.Status }, null);
        }

        var offer = state.State.Offer!;
        var line = new CartItem
        {
            ProductId = offer.ProductId,
            OfferId = OfferId,
            Quantity = 1,
            UnitPrice = offer.Price,
            ReservationId = decision.ReservationId,
            StreamId = offer.StreamId,
            Name = offer.Name,
            ExpiresAt = decision.ExpiresAt,
            CreatorId = state.State.CreatorId,
        };
        return new(new ClaimResult { Status = ClaimStatus.Reserved, ReservationId = decision.ReservationId, ExpiresAt = decision.ExpiresAt }, line);
    }

    /// <inheritdoc />
    public async Task<Dictionary<string, CartItem>> AwardAsync(IReadOnlyList<string> winners, Money unitPrice)
    {
        await _work.ReadyAsync();
        if (!Visible || !state.State.Lot)
        {
            throw LiveCommerceException.NotFound($"Lot '{OfferId}' was not found.");
        }

        IReadOnlyList<(string ViewerId, string ReservationId, Hold Hold)> holds = [];
        await ChangeAsync(() =>
        {
            var active = Ledger.IsActive;
            holds = Ledger.Award(winners, unitPrice, time.GetUtcNow(), TimeSpan.FromSeconds(_options.HoldSeconds));
            return active;
        });
        var offer = state.State.Offer!;
        return holds.Where(h => h.Hold.Status == HoldStatus.Held).ToDictionary(h => h.ViewerId, h => new CartItem
        {
            ProductId = offer.ProductId,
            OfferId = OfferId,
            Quantity = 1,
            UnitPrice = offer.Price,
            ReservationId = h.ReservationId,
            StreamId = offer.StreamId,
            Name = offer.Name,
            ExpiresAt = h.Hold.ExpiresAt,
            CreatorId = state.State.CreatorId,
        }, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task CancelAsync()
    {
        await _work.ReadyAsync();
        if (!Visible)
        {
            throw LiveCommerceException.NotFound($"Offer '{OfferId}' was not found.");
        }

        await ChangeAsync(() => Ledger.End(OfferEndReason.Cancelled));
    }

    /// <inheritdoc />
    public async Task<bool> AbortAsync()
    {
        await _work.ReadyAsync();
        var aborted = state.State.Phase is OfferPhase.Aborted;
        if (!aborted && Ledger.Abort())
        {
            await _work.StoreAsync();
            await _work.FlushAsync();
            aborted = true;
        }

        return aborted || state.State.Phase is null;
    }

    /// <inheritdoc />
    public async Task ConfirmHoldAsync(string reservationId, string buyerId, string operationId)
    {
        await _work.ReadyAsync();
        var now = time.GetUtcNow();
        await ChangeAsync(() => Ledger.LapseDue(now).Count > 0 | Ledger.Confirm(reservationId, buyerId, operationId, now));
    }

    /// <inheritdoc />
    public async Task RevertHoldAsync(string reservationId, string operationId)
    {
        await _work.ReadyAsync();
        var now = time.GetUtcNow();
        await ChangeAsync(() => Ledger.Revert(reservationId, operationId, now));
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseHoldAsync(string reservationId, string viewerId)
    {
        await _work.ReadyAsync();
        var released = false;
        await ChangeAsync(() => released = Ledger.Release(reservationId, viewerId));
        return released;
    }

    /// <inheritdoc />
    public async Task<OfferUnits> GetUnitsAsync()
    {
        await _work.ReadyAsync();
        var offer = Visible ? state.State.Offer! : throw LiveCommerceException.NotFound($"Offer '{OfferId}' was not found.");
        return new OfferUnits(offer.ProductId, Ledger.IsActive, Ledger.IsActive ? offer.Remaining : 0, Ledger.Held, Ledger.Sold);
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => ProcessDueAsync(CancellationToken.None);

    /// <summary>Lapses due holds, ends the offer at its end time, drains the outbox, announces, and sets the next timer.</summary>
    private async Task ProcessDueAsync(CancellationToken cancellationToken)
    {
        await _work.ReadyAsync();
        if (state.State.Phase is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var lapsed = Ledger.LapseDue(now);
        var ended = Ledger.IsActive && now >= state.State.Offer!.EndsAt && Ledger.End(OfferEndReason.Expired);
        if (lapsed.Count > 0 || ended)
        {
            await _work.StoreAsync();
        }

        await _work.AfterChangeAsync(lapsed);
        ScheduleDueTimer();
        if (Ledger.IsSettled && (state.State.EndAnnounced || state.State.Phase == OfferPhase.Aborted) && await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task ChangeAsync(Func<bool> change)
    {
        if (change())
        {
            await _work.StoreAsync();
        }

        await _work.AfterChangeAsync([]);
        ScheduleDueTimer();
    }

    private void ScheduleDueTimer()
    {
        DateTimeOffset? next = Ledger.NextDue;
        if (_work.HasPendingWork)
        {
            var retry = time.GetUtcNow().AddSeconds(1);
            next = next is { } due && due < retry ? due : retry;
        }

        if (next is not { } at)
        {
            return;
        }

        if (_dueTimer is not null && _dueTimerAt <= at)
        {
            // The timer already fires in time (a new hold lapses after the ones before it): a wake-up that
            // finds nothing due only sets the timer again.
            return;
        }

        _dueTimerAt = at;
        var dueIn = Until(at) + TimeSpan.FromMilliseconds(5);
        if (_dueTimer is null)
        {
            _dueTimer = this.RegisterGrainTimer(OnDueTimerAsync, dueIn, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _dueTimer.Change(dueIn, Timeout.InfiniteTimeSpan);
        }
    }

    private Task OnDueTimerAsync(CancellationToken cancellationToken)
    {
        // The timer fires once per setting: from now on it is not set until ScheduleDueTimer sets it again.
        _dueTimerAt = DateTimeOffset.MaxValue;
        return ProcessDueAsync(cancellationToken);
    }

    private TimeSpan Until(DateTimeOffset at)
    {
        var left = at - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
