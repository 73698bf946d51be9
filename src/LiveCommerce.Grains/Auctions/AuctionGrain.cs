using LiveCommerce.Abstractions.Auctions;
using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Sales;
using LiveCommerce.Abstractions.Video;
using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Grains.Auctions;

/// <inheritdoc cref="IAuctionGrain" />
/// <remarks>
/// A shell over <see cref="AuctionState"/> and its <see cref="AuctionBook"/>. Every bid is stored before it is
/// answered. The end is stored first, then settled step by step, each step safe to repeat: the lot is awarded to the
/// winner (or given back), the won line goes into the winner's cart, and <c>AuctionEnded</c> goes out. A timer fires
/// at the end time and a reminder brings the grain back after a crash, so the end always comes and always settles.
/// </remarks>
public sealed partial class AuctionGrain(
    [PersistentState("auction")] IPersistentState<AuctionState> state,
    IStreamNotifier notifier,
    TimeProvider time,
    ILogger<AuctionGrain> logger) : Grain, IAuctionGrain, IRemindable
{
    private const string ReminderName = "auction-due";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private IGrainTimer? _timer;

    private string AuctionId => this.GetPrimaryKeyString();

    private AuctionBook Book => new(state.State);

    private bool Visible => state.State.Phase is AuctionPhase.Active or AuctionPhase.Ended;

    private IFlashOfferGrain Lot => GrainFactory.GetGrain<IFlashOfferGrain>(AuctionId);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Phase == AuctionPhase.Starting)
        {
            // A start that stopped half-way was never confirmed to its stream: it is aborted, never resumed.
            await AbortAsync();
        }

        ScheduleTimer();
    }

    /// <inheritdoc />
    public async Task<Auction> StartAsync(AuctionSpec spec)
    {
        switch (state.State.Phase)
        {
            case AuctionPhase.Active or AuctionPhase.Ended:
                return state.State.Auction!;
            case AuctionPhase.Aborted:
                throw LiveCommerceException.Conflict("This auction could not start; start a new one.");
        }

        state.State.Auction = new Auction
        {
            Id = AuctionId,
            StreamId = spec.StreamId,
            ProductId = spec.ProductId,
            Name = spec.Name,
            StartingBid = spec.StartingBid,
            BidIncrement = spec.BidIncrement,
            ReservePrice = spec.ReservePrice,
            EndsAt = time.GetUtcNow() + spec.Duration,
            Status = "active",
            SuddenDeath = spec.SuddenDeath,
            AntiSnipeSeconds = spec.AntiSnipeSeconds,
            NextBid = spec.StartingBid,
        };
        state.State.Phase = AuctionPhase.Starting;
        state.State.CreatorId = spec.CreatorId;
        await state.WriteOrReloadAsync(this);
        try
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);

            // The lot never ends by itself: the auction awards it or gives it back when it ends, however late.
            await Lot.StartAsync(new OfferSpec(
                spec.StreamId, spec.ProductId, spec.Name, spec.StartingBid, spec.ListPrice, 1, TimeSpan.FromDays(3650), 1, spec.CreatorId, Lot: true));
            state.State.Phase = AuctionPhase.Active;
            await state.WriteOrReloadAsync(this);
        }
        catch
        {
            await TryAbortAsync();
            throw;
        }

        ScheduleTimer();
        return state.State.Auction;
    }

    /// <inheritdoc />
    public Task<Auction?> GetAsync() => Task.FromResult(Visible ? state.State.Auction : null);

    /// <inheritdoc />
    public async Task<BidResult> BidAsync(string bidderId, string streamId, long maximum)
    {
        if (!Visible || state.State.Auction!.StreamId != streamId)
        {
            return new BidResult { Status = BidStatus.NotFound };
        }

        await EndIfDueAsync();
        var decision = Book.Bid(bidderId, maximum, time.GetUtcNow());
        var auction = state.State.Auction;
        if (decision.Changed)
        {
            await state.WriteOrReloadAsync(this);
            auction = state.State.Auction;

            // Queued in order and folded per auction for the crowd; the end sends the final one again.
            await notifier.SendAsync(auction.StreamId, HubEvents.BidPlaced, Book.Placed());
            ScheduleTimer();
        }

        return new BidResult { Status = decision.Status, CurrentBid = auction.CurrentBid, EndsAt = auction.EndsAt, NextBid = auction.NextBid };
    }

    /// <inheritdoc />
    public async Task CancelAsync()
    {
        if (!Visible)
        {
            throw LiveCommerceException.NotFound($"Auction '{AuctionId}' was not found.");
        }

        if (Book.End(cancelled: true))
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

        if (state.State.Phase != AuctionPhase.Starting && !(state.State.Phase == AuctionPhase.Active && state.State.Auction!.Bids == 0))
        {
            return false;
        }

        if (!await Lot.AbortAsync())
        {
            return false;
        }

        state.State.Phase = AuctionPhase.Aborted;
        await state.WriteOrReloadAsync(this);
        await ForgetReminderAsync();
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

    private async Task EndIfDueAsync()
    {
        if (Book.IsActive && time.GetUtcNow() >= state.State.Auction!.EndsAt && Book.End(cancelled: false))
        {
            await state.WriteOrReloadAsync(this);
        }

        if (state.State.Phase == AuctionPhase.Ended)
        {
            await SettleAsync();
        }
    }

    /// <summary>Awards or gives back the lot, fills the winner's cart, and announces the end; each step once, retried until done.</summary>
    private async Task SettleAsync()
    {
        var auction = state.State.Auction!;
        try
        {
            if (!state.State.Settled || !state.State.Carted)
            {
                if (auction.WinnerId is { } winner)
                {
                    var lines = await Lot.AwardAsync([winner], auction.Price!);
                    state.State.Settled = true;
                    if (!state.State.Carted && lines.TryGetValue(winner, out var line))
                    {
                        var cart = await GrainFactory.GetGrain<ICartGrain>(winner).AddHoldAsync(line);
                        await notifier.SendToViewerAsync(winner, HubEvents.CartUpdated, cart);
                    }
                }
                else
                {
                    await Lot.CancelAsync();
                    state.State.Settled = true;
                }

                state.State.Carted = true;
                await state.WriteOrReloadAsync(this);
            }

            if (!state.State.EndAnnounced)
            {
                if (auction.LeaderId is not null)
                {
                    await notifier.SendAsync(auction.StreamId, HubEvents.BidPlaced, Book.Placed());
                }

                await notifier.SendAsync(auction.StreamId, HubEvents.AuctionEnded, new AuctionEnded
                {
                    StreamId = auction.StreamId, AuctionId = AuctionId, Reason = auction.EndReason!, WinnerId = auction.WinnerId, Price = auction.Price,
                });
                GrainFactory.GetGrain<IStreamSalesGrain>(auction.StreamId).SaleEndedAsync(AuctionId).Ignore();
                GrainFactory.GetGrain<IStreamVideoGrain>(auction.StreamId)
                    .RecordAsync(new TimelineEntry(TimelineKinds.AuctionEnded, auction.ProductId, time.GetUtcNow())).Ignore();
                state.State.EndAnnounced = true;
                await state.WriteOrReloadAsync(this);
            }

            await ForgetReminderAsync();
        }
        catch (Exception error)
        {
            // What is not done yet is done by the retry timer, or by the reminder after a crash.
            LogSettleDeferred(logger, AuctionId, error);
            _timer?.Dispose();
            _timer = this.RegisterGrainTimer(OnTimerAsync, RetryDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void ScheduleTimer()
    {
        if (!Book.IsActive && !(state.State.Phase == AuctionPhase.Ended && !state.State.EndAnnounced))
        {
            return;
        }

        var left = state.State.Auction!.EndsAt - time.GetUtcNow();
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(OnTimerAsync, (left > TimeSpan.Zero ? left : TimeSpan.Zero) + TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        await EndIfDueAsync();
        if (Book.IsActive)
        {
            // A late bid moved the end: wait for the new one.
            ScheduleTimer();
        }
    }

    private async Task TryAbortAsync()
    {
        try
        {
            await AbortAsync();
        }
        catch (Exception error)
        {
            LogSettleDeferred(logger, AuctionId, error);
        }
    }

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
            LogSettleDeferred(logger, AuctionId, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auction {AuctionId}: settling its end was deferred; it is retried")]
    private static partial void LogSettleDeferred(ILogger logger, string auctionId, Exception error);
}
