using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Grains.Offers;

/// <summary>
/// The plumbing of one <see cref="FlashOfferGrain"/> activation, apart from its rules: grouped writes (claims
/// interleave, and each waits for a write that includes its decision), a reload from storage when a write fails
/// (every decision not yet stored then fails with it), the holds' sealed pages written beside the head and read
/// back on activation (<see cref="HoldLog"/>), the outbox drained in order, folded <c>OfferUpdated</c> events, and
/// <c>OfferEnded</c> sent until it went out.
/// </summary>
public sealed partial class OfferWork(
    Grain grain,
    IGrainFactory grains,
    IPersistentState<FlashOfferState> state,
    HoldPageStore pages,
    IStreamNotifier notifier,
    FlashOfferOptions options,
    ILogger logger)
{
    private readonly string _offerId = grain.GetPrimaryKeyString();
    private bool _writing;
    private TaskCompletionSource? _nextWrite;
    private Task _reloading = Task.CompletedTask;
    private bool _broken;
    private Task _flushing = Task.CompletedTask;
    private Task _announcing = Task.CompletedTask;
    private IGrainTimer? _updateTimer;
    private int _sentRemaining = -1;
    private int _epoch;

    /// <summary>The rules, over the current state and its pages (rebuilt after a reload).</summary>
    public HoldLedger Ledger { get; private set; } = null!;

    /// <summary>The offer's product.</summary>
    public IProductGrain Product => grains.GetGrain<IProductGrain>(state.State.Offer!.ProductId);

    /// <summary>Whether stock operations or the end announcement are still to go out.</summary>
    public bool HasPendingWork => state.State.Outbox.Count > 0 || (state.State.Phase == OfferPhase.Ended && !state.State.EndAnnounced);

    /// <summary>Completes when no reload is in progress; every call waits for it before it decides anything.</summary>
    public Task ReadyAsync() => _broken
        ? throw new InvalidOperationException($"Offer {_offerId} could not read its state back; it restarts on the next call.")
        : _reloading;

    /// <summary>Builds the ledger from the stored head and the pages it names (on activation).</summary>
    public async Task LoadAsync() =>
        Ledger = new HoldLedger(state.State, _offerId, await pages.ReadChainAsync(state.State.LastPage, state.State.PageCount), options.HoldPageSize);

    /// <summary>Stores the state, joining a write in flight: the caller returns once a write that includes its change has completed.</summary>
    public Task StoreAsync()
    {
        if (Ledger.Log.NeedsSeal)
        {
            _ = SealAsync();
        }

        if (_writing)
        {
            _nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _nextWrite.Task;
        }

        return WriteNowAsync();
    }

    /// <summary>Stores and drains the outbox, logging instead of throwing: what is left is retried by the timer or the reminder.</summary>
    public async Task TryStoreAndFlushAsync()
    {
        try
        {
            await StoreAsync();
            await FlushAsync();
        }
        catch (Exception error)
        {
            LogDeferred(logger, _offerId, error);
        }
    }

    /// <summary>After a stored change: drops lapsed holds from carts, folds an update, drains the outbox, announces the end.</summary>
    public async Task AfterChangeAsync(IReadOnlyList<(string ReservationId, string ViewerId)> lapsed)
    {
        foreach (var (reservationId, viewerId) in lapsed)
        {
            // One-way and best effort: a cart also drops lines whose hold expired when it is next read.
            _ = grains.GetGrain<ICartGrain>(viewerId).DropHoldAsync(reservationId);
        }

        if (!state.State.Lot && Ledger.IsActive && state.State.Offer!.Remaining != _sentRemaining)
        {
            _updateTimer ??= grain.RegisterGrainTimer(SendUpdateAsync, options.UpdateInterval, Timeout.InfiniteTimeSpan);
        }

        await FlushAsync();
        if (state.State.Phase == OfferPhase.Ended && !state.State.EndAnnounced)
        {
            await (_announcing.IsCompleted ? _announcing = AnnounceEndAsync() : _announcing);
        }
    }

    /// <summary>Applies the outbox to the product, oldest first; stops at the first failure (retried later).</summary>
    public Task FlushAsync() => !_flushing.IsCompleted ? _flushing
        : state.State.Outbox.Count == 0 ? Task.CompletedTask
        : _flushing = PumpAsync();

    /// <summary>Notes that <c>OfferStarted</c> carried this many units.</summary>
    public void Started(int remaining) => _sentRemaining = remaining;

    private async Task PumpAsync()
    {
        var applied = false;
        try
        {
            while (state.State.Outbox.Count > 0)
            {
                var outbox = state.State.Outbox;
                var operation = outbox[0];
                try
                {
                    await Product.ApplyAsync(operation);
                }
                catch (LiveCommerceException refused)
                {
                    // The product's books disagree with the offer's: say so loudly, and go on with the rest.
                    LogRefused(logger, _offerId, operation.Id, refused);
                }

                if (!ReferenceEquals(outbox, state.State.Outbox) || outbox.Count == 0 || !ReferenceEquals(outbox[0], operation))
                {
                    break;
                }

                outbox.RemoveAt(0);
                applied = true;
            }
        }
        catch (Exception error)
        {
            LogDeferred(logger, _offerId, error);
        }

        if (applied)
        {
            await TryStoreAsync();
        }
    }

    /// <summary>
    /// Writes the pages of a seal beside the head, then lets the next head write name them. Claims do not wait for
    /// it: until it is committed, the holds it has are still in the head. A page that cannot be stored leaves them
    /// there (a later seal tries again); a reload in the meantime drops the seal, whose pages were then never named.
    /// </summary>
    private async Task SealAsync()
    {
        var epoch = _epoch;
        var log = Ledger.Log;
        var seal = log.BeginSeal(Ledger.Holds);
        try
        {
            foreach (var (key, page) in seal.Pages)
            {
                await pages.WriteAsync(key, page);
            }
        }
        catch (Exception error)
        {
            log.Abandon(seal);
            LogSealDeferred(logger, _offerId, error);
            return;
        }

        if (epoch != _epoch)
        {
            return;
        }

        log.Commit(seal);
        if (seal.Compaction)
        {
            pages.KeepOnly(seal.Pages.Select(p => p.Key));
        }

        await TryStoreAsync();
    }

    private async Task AnnounceEndAsync()
    {
        var offer = state.State.Offer!;
        try
        {
            _updateTimer?.Dispose();
            _updateTimer = null;
            await notifier.SendAsync(offer.StreamId, HubEvents.OfferUpdated, new OfferUpdated(offer.StreamId, _offerId, 0));
            await notifier.SendAsync(offer.StreamId, HubEvents.OfferEnded, new OfferEnded(offer.StreamId, _offerId, state.State.EndReason ?? OfferEndReason.Expired));
            await grains.GetGrain<ILiveStreamGrain>(offer.StreamId).OfferEndedAsync(_offerId);
            state.State.EndAnnounced = true;
            await TryStoreAsync();
        }
        catch (Exception error)
        {
            LogAnnounceDeferred(logger, _offerId, error);
        }
    }

    private async Task SendUpdateAsync(CancellationToken cancellationToken)
    {
        // A one-shot timer, disposed only after it has sent: disposing it first would cancel the send.
        var timer = _updateTimer;
        _updateTimer = null;
        if (Ledger.IsActive && state.State.Offer is { } offer && offer.Remaining != _sentRemaining)
        {
            try
            {
                await notifier.SendAsync(offer.StreamId, HubEvents.OfferUpdated, new OfferUpdated(offer.StreamId, _offerId, offer.Remaining), cancellationToken);
                _sentRemaining = offer.Remaining;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogAnnounceDeferred(logger, _offerId, error);
                _updateTimer ??= grain.RegisterGrainTimer(SendUpdateAsync, options.UpdateInterval, Timeout.InfiniteTimeSpan);
            }
        }

        timer?.Dispose();
    }

    private async Task TryStoreAsync()
    {
        try
        {
            await StoreAsync();
        }
        catch (Exception error)
        {
            LogDeferred(logger, _offerId, error);
        }
    }

    private async Task WriteNowAsync()
    {
        _writing = true;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception error)
        {
            // Every change not yet stored fails with this write, and the grain goes on from what storage holds.
            var queued = _nextWrite;
            _nextWrite = null;
            _reloading = ReloadAsync();
            await _reloading;
            queued?.SetException(error);
            WriteNext();
            throw;
        }

        WriteNext();
    }

    private void WriteNext()
    {
        _writing = false;
        if (_nextWrite is { } next)
        {
            _nextWrite = null;
            _ = WriteQueuedAsync(next);
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
            waiting.TrySetException(error);
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            _epoch++;
            await state.ReloadAsync(grain);
            await LoadAsync();
        }
        catch (Exception error)
        {
            _broken = true;
            grain.DeactivateOnIdle();
            LogReloadFailed(logger, _offerId, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stock operations of offer {OfferId} are deferred; they are retried")]
    private static partial void LogDeferred(ILogger logger, string offerId, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Offer {OfferId}: the product refused stock operation {OperationId}")]
    private static partial void LogRefused(ILogger logger, string offerId, string operationId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offer {OfferId}: an event could not be sent yet; it is sent again")]
    private static partial void LogAnnounceDeferred(ILogger logger, string offerId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offer {OfferId}: a page of holds could not be stored; they stay in its head and are sealed later")]
    private static partial void LogSealDeferred(ILogger logger, string offerId, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Offer {OfferId} could not read its state back after a failed write; it restarts")]
    private static partial void LogReloadFailed(ILogger logger, string offerId, Exception error);
}
