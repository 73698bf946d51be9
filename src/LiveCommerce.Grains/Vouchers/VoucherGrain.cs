using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Sales;
using LiveCommerce.Abstractions.Vouchers;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Vouchers;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Grains.Offers;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Vouchers;

/// <inheritdoc cref="IVoucherGrain" />
/// <remarks>
/// A shell over <see cref="VoucherState"/> and its <see cref="VoucherBook"/>: every claim and every spending is stored
/// before it is answered. A timer ends claiming at the end time and a reminder brings the grain back after a crash,
/// so <c>VoucherEnded</c> always goes out.
/// </remarks>
public sealed partial class VoucherGrain(
    [PersistentState("voucher")] IPersistentState<VoucherState> state,
    IStreamNotifier notifier,
    IOptions<FlashOfferOptions> holds,
    TimeProvider time,
    ILogger<VoucherGrain> logger) : Grain, IVoucherGrain, IRemindable
{
    private const string ReminderName = "voucher-due";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private VoucherBook? _book;
    private IGrainTimer? _timer;

    private string VoucherId => this.GetPrimaryKeyString();

    private VoucherBook Book => _book ??= new VoucherBook(state.State);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleTimer();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<Voucher> StartAsync(VoucherSpec spec)
    {
        if (state.State.Voucher is { } existing)
        {
            return existing;
        }

        state.State.Voucher = new Voucher
        {
            Id = VoucherId,
            StreamId = spec.StreamId,
            Discount = spec.Discount,
            MinSpend = spec.MinSpend,
            Quantity = spec.Quantity,
            Remaining = spec.Quantity,
            PerViewerLimit = spec.PerViewerLimit,
            EndsAt = time.GetUtcNow() + spec.Duration,
            Status = "active",
        };
        state.State.UseWindow = TimeSpan.FromSeconds(holds.Value.HoldSeconds);
        await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        await state.WriteOrReloadAsync(this);
        _book = null;
        ScheduleTimer();
        return state.State.Voucher;
    }

    /// <inheritdoc />
    public Task<Voucher?> GetAsync() => Task.FromResult(state.State.Voucher);

    /// <inheritdoc />
    public async Task<VoucherClaim> ClaimAsync(string viewerId, string streamId)
    {
        if (state.State.Voucher?.StreamId != streamId)
        {
            return new(new VoucherClaimResult { Status = VoucherClaimStatus.NotFound }, null);
        }

        await EndIfDueAsync();
        var (status, claimed) = Book.Claim(viewerId, time.GetUtcNow());
        if (claimed is not null)
        {
            await StoreAsync();
            var voucher = Book.Voucher;
            await notifier.SendAsync(voucher.StreamId, HubEvents.VoucherUpdated, new VoucherUpdated(voucher.StreamId, VoucherId, voucher.Remaining));
            await AnnounceEndAsync();
        }

        return new(new VoucherClaimResult { Status = status, ExpiresAt = claimed?.ExpiresAt }, claimed);
    }

    /// <inheritdoc />
    public async Task UnclaimAsync(string viewerId, string claimId)
    {
        if (Book.Unclaim(viewerId, claimId))
        {
            await StoreAsync();
        }
    }

    /// <inheritdoc />
    public async Task RedeemAsync(string viewerId, string claimId, string operationId)
    {
        if (state.State.Voucher is null)
        {
            throw LiveCommerceException.Conflict("That voucher does not exist.");
        }

        if (Book.Redeem(viewerId, claimId, operationId, time.GetUtcNow()))
        {
            await StoreAsync();
        }
    }

    /// <inheritdoc />
    public async Task RevertAsync(string viewerId, string claimId, string operationId)
    {
        if (state.State.Voucher is not null && Book.Revert(viewerId, claimId, operationId))
        {
            await StoreAsync();
        }
    }

    /// <inheritdoc />
    public async Task CancelAsync()
    {
        if (state.State.Voucher is null)
        {
            throw LiveCommerceException.NotFound($"Voucher '{VoucherId}' was not found.");
        }

        if (Book.End("cancelled"))
        {
            await StoreAsync();
        }

        await AnnounceEndAsync();
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await EndIfDueAsync();
        if (state.State.Voucher is null || (state.State.EndAnnounced && time.GetUtcNow() > state.State.Voucher.EndsAt + state.State.UseWindow))
        {
            // Nothing is due any more (spending needs no timer).
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    private async Task EndIfDueAsync()
    {
        if (Book.IsActive && time.GetUtcNow() >= state.State.Voucher!.EndsAt && Book.End("expired"))
        {
            await StoreAsync();
        }

        await AnnounceEndAsync();
    }

    private async Task AnnounceEndAsync()
    {
        if (state.State.Voucher is not { Status: "ended" } voucher || state.State.EndAnnounced)
        {
            return;
        }

        try
        {
            await notifier.SendAsync(voucher.StreamId, HubEvents.VoucherUpdated, new VoucherUpdated(voucher.StreamId, VoucherId, voucher.Remaining));
            await notifier.SendAsync(voucher.StreamId, HubEvents.VoucherEnded, new VoucherEnded(voucher.StreamId, VoucherId, state.State.EndReason!));
            GrainFactory.GetGrain<IStreamSalesGrain>(voucher.StreamId).SaleEndedAsync(VoucherId).Ignore();
            state.State.EndAnnounced = true;
            await StoreAsync();
        }
        catch (Exception error)
        {
            LogAnnounceDeferred(logger, VoucherId, error);
            _timer?.Dispose();
            _timer = this.RegisterGrainTimer(_ => EndIfDueAsync(), RetryDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task StoreAsync()
    {
        try
        {
            await state.WriteOrReloadAsync(this);
        }
        catch
        {
            // The book is rebuilt from what is stored (a failed write reloads the state).
            _book = null;
            throw;
        }
    }

    private void ScheduleTimer()
    {
        if (state.State.Voucher is not { Status: "active" } voucher)
        {
            return;
        }

        var left = voucher.EndsAt - time.GetUtcNow();
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(_ => EndIfDueAsync(), (left > TimeSpan.Zero ? left : TimeSpan.Zero) + TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voucher {VoucherId}: announcing its end was deferred; it is retried")]
    private static partial void LogAnnounceDeferred(ILogger logger, string voucherId, Exception error);
}
