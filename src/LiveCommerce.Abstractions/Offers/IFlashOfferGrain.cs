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

    /// <summary>Sells a held unit to its holder as part of an order; idempotent per order. 409 when the hold lapsed.</summary>
    [Alias("ConfirmHoldAsync")]
    Task ConfirmHoldAsync(string reservationId, string buyerId, string orderId);

    /// <summary>Undoes <see cref="ConfirmHoldAsync"/> for an order that could not complete: the unit is held again.</summary>
    [Alias("RevertHoldAsync")]
    Task RevertHoldAsync(string reservationId, string orderId);

    /// <summary>Gives <paramref name="viewerId"/>'s unsold hold back at once; false when there is no such hold (already lapsed, sold or released).</summary>
    [Alias("ReleaseHoldAsync")]
    Task<bool> ReleaseHoldAsync(string reservationId, string viewerId);

    /// <summary>Where the offer's units are now: remaining, held and sold.</summary>
    [Alias("GetUnitsAsync")]
    Task<OfferUnits> GetUnitsAsync();
}
