using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Giveaways;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Sales;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Grains.Auctions;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Grains.Giveaways;

/// <inheritdoc cref="IGiveawayGrain" />
/// <remarks>
/// The seed is picked and stored, with its commitment, before the giveaway starts; every entry is stored before it is
/// answered. At the end the draw (<see cref="GiveawayDraw"/>) is stored with the revealed seed first, then settled
/// step by step, each step safe to repeat: the lot is awarded at price 0, each winner's cart gets the line, and
/// <c>GiveawayEnded</c> goes out. A timer fires at the end and a reminder brings the grain back after a crash.
/// </remarks>
public sealed partial class GiveawayGrain(
    [PersistentState("giveaway")] IPersistentState<GiveawayState> state,
    IStreamNotifier notifier,
    TimeProvider time,
    ILogger<GiveawayGrain> logger) : Grain, IGiveawayGrain, IRemindable
{
    private const string ReminderName = "giveaway-due";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private IGrainTimer? _timer;

    private string GiveawayId => this.GetPrimaryKeyString();

    private bool Visible => state.State.Phase is AuctionPhase.Active or AuctionPhase.Ended;

    private IFlashOfferGrain Lot => GrainFactory.GetGrain<IFlashOfferGrain>(GiveawayId);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Phase == AuctionPhase.Starting)
        {
            await AbortAsync();
        }

        ScheduleTimer();
    }

    /// <inheritdoc />
    public async Task<Giveaway> StartAsync(GiveawaySpec spec)
    {
        switch (state.State.Phase)
        {
            case AuctionPhase.Active or AuctionPhase.Ended:
                return state.State.Giveaway!;
            case AuctionPhase.Aborted:
                throw LiveCommerceException.Conflict("This giveaway could not start; start a new one.");
        }

        var seed = GiveawayDraw.NewSeed();
        state.State.Seed = seed;
        state.State.Giveaway = new Giveaway
        {
            Id = GiveawayId,
            StreamId = spec.StreamId,
            ProductId = spec.ProductId,
            Name = spec.Name,
            Winners = spec.Winners,
            EndsAt = time.GetUtcNow() + spec.Duration,
            Status = "active",
            Commitment = GiveawayDraw.CommitmentOf(seed),
        };
        state.State.Phase = AuctionPhase.Starting;
        state.State.CreatorId = spec.CreatorId;
        state.State.Currency = spec.ListPrice.Currency;
        await state.WriteOrReloadAsync(this);
        try
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            await Lot.StartAsync(new(
                spec.StreamId, spec.ProductId, spec.Name, spec.ListPrice with { Amount = 0 }, spec.ListPrice, spec.Winners,
                TimeSpan.FromDays(3650), 1, spec.CreatorId, Lot: true));
            state.State.Phase = AuctionPhase.Active;
            await state.WriteOrReloadAsync(this);
        }
        catch
        {
            try
            {
                await AbortAsync();
            }
            catch (Exception error)
            {
                LogSettleDeferred(logger, GiveawayId, error);
            }

            throw;
        }

        ScheduleTimer();
        return state.State.Giveaway;
    }

    /// <inheritdoc />
    public Task<Giveaway?> GetAsync(bool withEntrants) => Task.FromResult(!Visible ? null
        : withEntrants ? state.State.Giveaway! with { EntrantIds = GiveawayDraw.Sorted(state.State.Entrants) }
        : state.State.Giveaway);

    /// <inheritdoc />
    public async Task<EntryResult> EnterAsync(string viewerId, string streamId)
    {
        if (!Visible || state.State.Giveaway!.StreamId != streamId)
        {
            return new EntryResult { Status = EntryStatus.NotFound };
        }

        await EndIfDueAsync();
        if (state.State.Phase != AuctionPhase.Active)
        {
            return new EntryResult { Status = EntryStatus.Ended };
        }

        if (!state.State.Entrants.Add(viewerId))
        {
            return new EntryResult { Status = EntryStatus.Already };
        }

        state.State.Giveaway = state.State.Giveaway with { Entrants = state.State.Entrants.Count };
        await state.WriteOrReloadAsync(this);
        var giveaway = state.State.Giveaway;
        await notifier.SendAsync(giveaway.StreamId, HubEvents.GiveawayUpdated, new GiveawayUpdated(giveaway.StreamId, GiveawayId, giveaway.Entrants));
        return new EntryResult { Status = EntryStatus.Entered };
    }

    /// <inheritdoc />
    public async Task CancelAsync()
    {
        if (!Visible)
        {
            throw LiveCommerceException.NotFound($"Giveaway '{GiveawayId}' was not found.");
        }

        if (End(cancelled: true))
        {
            await state.WriteOrReloadAsync(this);
        }

        await SettleAsync();
    }

    /// <inheritdoc />
    public async Task<bool> AbortAsync()
    {
        if (state.State.Phase is null or AuctionPhase.Aborted)
        {
            return true;
        }

        if (state.State.Phase != AuctionPhase.Starting && !(state.State.Phase == AuctionPhase.Active && state.State.Entrants.Count == 0))
        {
            return false;
        }

        if (!await Lot.AbortAsync())
        {
            return false;
        }

        state.State.Phase = AuctionPhase.Aborted;
        await state.WriteOrReloadAsync(this);
        return true;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Phase is null or AuctionPhase.Aborted)
        {
            await ForgetReminderAsync();
            return;
        }

        await EndIfDueAsync();
        ScheduleTimer();
    }

    /// <summary>Draws (or, cancelled, draws nobody) and reveals the seed. False when it already ended.</summary>
    private bool End(bool cancelled)
    {
        if (state.State.Phase != AuctionPhase.Active)
        {
            return false;
        }

        var giveaway = state.State.Giveaway!;
        state.State.Phase = AuctionPhase.Ended;
        state.State.Giveaway = giveaway with
        {
            Status = "ended",
            Seed = state.State.Seed,
            WinnerIds = cancelled ? [] : GiveawayDraw.Winners(state.State.Seed!, state.State.Entrants, giveaway.Winners),
            EndReason = cancelled ? GiveawayEndReason.Cancelled : GiveawayEndReason.Drawn,
        };
        return true;
    }

    private async Task EndIfDueAsync()
    {
        if (state.State.Phase == AuctionPhase.Active && time.GetUtcNow() >= state.State.Giveaway!.EndsAt && End(cancelled: false))
        {
            await state.WriteOrReloadAsync(this);
        }

        if (state.State.Phase == AuctionPhase.Ended && !state.State.EndAnnounced)
        {
            await SettleAsync();
        }
    }

    /// <summary>Awards the lot, fills each winner's cart, and announces the end; each step once, retried until done.</summary>
    private async Task SettleAsync()
    {
        var giveaway = state.State.Giveaway!;
        try
        {
            var winners = giveaway.WinnerIds ?? [];
            var lines = await Lot.AwardAsync(winners, new(0, state.State.Currency!));
            if (!state.State.Settled)
            {
                state.State.Settled = true;
                await state.WriteOrReloadAsync(this);
            }

            foreach (var (winner, line) in lines)
            {
                if (state.State.Carted.Contains(winner))
                {
                    continue;
                }

                var cart = await GrainFactory.GetGrain<ICartGrain>(winner).AddHoldAsync(line);
                await notifier.SendToViewerAsync(winner, HubEvents.CartUpdated, cart);
                state.State.Carted.Add(winner);
                await state.WriteOrReloadAsync(this);
            }

            if (!state.State.EndAnnounced)
            {
                await notifier.SendAsync(giveaway.StreamId, HubEvents.GiveawayUpdated, new GiveawayUpdated(giveaway.StreamId, GiveawayId, giveaway.Entrants));
                await notifier.SendAsync(giveaway.StreamId, HubEvents.GiveawayEnded, new GiveawayEnded
                {
                    StreamId = giveaway.StreamId, GiveawayId = GiveawayId, WinnerIds = winners, Entrants = giveaway.Entrants,
                    Seed = giveaway.Seed!, Reason = giveaway.EndReason!,
                });
                GrainFactory.GetGrain<IStreamSalesGrain>(giveaway.StreamId).SaleEndedAsync(GiveawayId).Ignore();
                state.State.EndAnnounced = true;
                await state.WriteOrReloadAsync(this);
            }

            await ForgetReminderAsync();
        }
        catch (Exception error)
        {
            LogSettleDeferred(logger, GiveawayId, error);
            _timer?.Dispose();
            _timer = this.RegisterGrainTimer(OnTimerAsync, RetryDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void ScheduleTimer()
    {
        if (state.State.Phase != AuctionPhase.Active && !(state.State.Phase == AuctionPhase.Ended && !state.State.EndAnnounced))
        {
            return;
        }

        var left = state.State.Giveaway!.EndsAt - time.GetUtcNow();
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(OnTimerAsync, (left > TimeSpan.Zero ? left : TimeSpan.Zero) + TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);
    }

    private Task OnTimerAsync(CancellationToken cancellationToken) => EndIfDueAsync();

    private async Task ForgetReminderAsync()
    {
        try
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception error)
        {
            LogSettleDeferred(logger, GiveawayId, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giveaway {GiveawayId}: settling its end was deferred; it is retried")]
    private static partial void LogSettleDeferred(ILogger logger, string giveawayId, Exception error);
}
