using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Pricing;
using Orleans.Concurrency;
using LiveCommerce.Contracts.Offers;

namespace LiveCommerce.Abstractions.Offers;

/// <summary>
/// One flash offer, keyed by its id: its units, the holds on them, and its timers. Claims are decided one at a
/// time here, so no unit is ever held or sold twice; holds and the end time survive a restart (reminders).
/// </summary>
[Alias("lc.IFlashOfferGrain")]
public interface IFlashOfferGrain : IGrainWithStringKey
{
    /// <summary>Takes the units out of the product's stock and starts the offer (409 when there are not enough).</summary>
    [Alias("StartAsync")]
    Task<Offer> StartAsync(OfferSpec spec);

    /// <summary>The offer, or null when there is no such offer.</summary>
    [Alias("GetAsync")]
    Task<Offer?> GetAsync();

    /// <summary>
    /// Holds one unit for <paramref name="viewerId"/> when the offer runs in <paramref name="streamId"/>. Claims
    /// interleave: each decides at once, in memory and in order, and then waits for the group write that stores
    /// it, so a rush is not one storage write after another.
    /// </summary>
    [Alias("ClaimAsync"), AlwaysInterleave]
    Task<OfferClaim> ClaimAsync(string viewerId, string streamId);

    /// <summary>Ends the offer early (<c>cancelled</c>); units neither held nor sold go back to stock.</summary>
    [Alias("CancelAsync")]
    Task CancelAsync();

    /// <summary>
    /// Sells a held unit to its holder for one checkout attempt, named by <paramref name="operationId"/> (unique per
    /// attempt); idempotent per attempt. 409 when the hold lapsed, was bought by another attempt, or this attempt was taken back.
    /// </summary>
    [Alias("ConfirmHoldAsync")]
    Task ConfirmHoldAsync(string reservationId, string buyerId, string operationId);

    /// <summary>
    /// Takes back <see cref="ConfirmHoldAsync"/> of an attempt that could not complete: the unit is held again (or
    /// lapses when its time is up). When the confirmation never arrived, the attempt is marked cancelled, so a late
    /// copy of it is refused. Idempotent.
    /// </summary>
    [Alias("RevertHoldAsync")]
    Task RevertHoldAsync(string reservationId, string operationId);

    /// <summary>
    /// Aborts a start its stream could not confirm: a starting offer, or an active one nobody claimed from, ends
    /// unseen and every unit goes back to stock. False when it already has holds (it then runs its course).
    /// </summary>
    [Alias("AbortAsync")]
    Task<bool> AbortAsync();

    /// <summary>Gives <paramref name="viewerId"/>'s unsold hold back at once; false when there is no such hold (already lapsed, sold or released).</summary>
    [Alias("ReleaseHoldAsync")]
    Task<bool> ReleaseHoldAsync(string reservationId, string viewerId);

    /// <summary>Where the offer's units are now: remaining, held and sold.</summary>
    [Alias("GetUnitsAsync")]
    Task<OfferUnits> GetUnitsAsync();

    /// <summary>
    /// Awards the units of a lot (an auction's or a giveaway's, started with <see cref="OfferSpec.Lot"/>): one unit held
    /// for each winner at <paramref name="unitPrice"/>, the rest back to stock, and the lot ended. Idempotent: a
    /// repeat answers the same open holds. Answers each winner's cart line, by winner (of the holds still open).
    /// </summary>
    [Alias("AwardAsync")]
    Task<Dictionary<string, CartItem>> AwardAsync(IReadOnlyList<string> winners, Money unitPrice);
}
