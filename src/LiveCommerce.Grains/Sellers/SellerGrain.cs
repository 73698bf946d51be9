using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Sellers;
using LiveCommerce.Contracts.Sellers;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Grains.Sellers;

/// <inheritdoc cref="ISellerGrain" />
/// <remarks>
/// A thin shell over <see cref="SellerState"/> and its <see cref="SellerVerificationRules"/>. A change is stored
/// under a reminder registered before the write, then handed to every product the seller's catalog lists; the
/// reminder is dropped once all of them have it, so a hand-over cut off by a failure or a crash is finished by a
/// retry of the call or, at the latest, by the next tick of the reminder.
/// </remarks>
public sealed partial class SellerGrain(
    [PersistentState("seller")] IPersistentState<SellerState> state,
    TimeProvider time,
    ILogger<SellerGrain> logger) : Grain, ISellerGrain, IRemindable
{
    private const string ReminderName = "seller-hand-over";
    private const int HandOverBatch = 64;
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    // The standing as stored; read by interleaved calls, so it never shows a change that is not stored yet.
    private SellerStanding _stored = SellerStanding.Unverified;

    private string SellerId => this.GetPrimaryKeyString();

    private SellerVerificationRules Rules => new(state.State);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stored = Rules.Standing;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SellerVerification> VerifyAsync(string sellerKind)
    {
        var now = time.GetUtcNow();
        await ChangeAsync(rules => rules.Verify(SellerId, sellerKind, now));
        return state.State.Verification!;
    }

    /// <inheritdoc />
    public Task<SellerVerification?> GetVerificationAsync() => Task.FromResult(state.State.Verification);

    /// <inheritdoc />
    public Task RevokeAsync() => ChangeAsync(rules => rules.Revoke());

    /// <inheritdoc />
    public Task<SellerStanding> GetStandingAsync() => Task.FromResult(_stored);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Rules.HandOverOwed)
        {
            await ForgetReminderAsync();
            return;
        }

        try
        {
            await HandOverAsync();
        }
        catch (Exception error)
        {
            LogHandOverOwed(logger, SellerId, error);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to a copy of the state; when it changed anything, registers the reminder,
    /// stores the copy, and hands it over. An owed hand-over is finished even when nothing changed, so retrying a
    /// call whose answer was lost completes it. A hand-over that fails fails the call (the change stays stored).
    /// </summary>
    private async Task ChangeAsync(Func<SellerVerificationRules, bool> change)
    {
        var draft = state.State with { };
        if (change(new SellerVerificationRules(draft)))
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            state.State = draft;
            try
            {
                await state.WriteOrReloadAsync(this);
            }
            finally
            {
                _stored = Rules.Standing;
            }
        }

        if (Rules.HandOverOwed)
        {
            await HandOverAsync();
        }
    }

    private async Task HandOverAsync()
    {
        var standing = Rules.Standing;
        var productIds = await GrainFactory.GetGrain<ISellerCatalogGrain>(SellerId).GetProductIdsAsync();
        foreach (var batch in productIds.Chunk(HandOverBatch))
        {
            await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IProductGrain>(id).ApplySellerStandingAsync(standing)));
        }

        Rules.HandedOver(standing.Revision);
        if (await state.TryWriteOrReloadAsync(this) is { } error)
        {
            // Every product has the change; the reminder stays and only hands it over once more.
            LogHandOverOwed(logger, SellerId, error);
            return;
        }

        await ForgetReminderAsync();
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
            // A reminder left behind ticks once more and finds nothing owed.
            LogReminderKept(logger, SellerId, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seller {SellerId}: a verification change has not reached every product yet; it is handed over again")]
    private static partial void LogHandOverOwed(ILogger logger, string sellerId, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Seller {SellerId}: its hand-over reminder could not be removed yet")]
    private static partial void LogReminderKept(ILogger logger, string sellerId, Exception error);
}
