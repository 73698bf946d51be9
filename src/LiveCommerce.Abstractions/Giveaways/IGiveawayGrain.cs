using LiveCommerce.Contracts.Giveaways;

namespace LiveCommerce.Abstractions.Giveaways;

/// <summary>
/// One giveaway, keyed by its id: it commits to a secret seed at the start, takes entries, and at the end draws the
/// winners from the seed and the sorted entrants (docs/sale-formats.md), revealing the seed. Its units are a lot of
/// the flash-offer grain of the same id, held for the winners at price 0.
/// </summary>
[Alias("lc.IGiveawayGrain")]
public interface IGiveawayGrain : IGrainWithStringKey
{
    /// <summary>Starts it: the winners' units leave stock. A repeat answers the same giveaway.</summary>
    [Alias("StartAsync")]
    Task<Giveaway> StartAsync(GiveawaySpec spec);

    /// <summary>The giveaway (with every entrant when <paramref name="withEntrants"/>), or null when there is none.</summary>
    [Alias("GetAsync")]
    Task<Giveaway?> GetAsync(bool withEntrants);

    /// <summary>Enters <paramref name="viewerId"/> in the draw.</summary>
    [Alias("EnterAsync")]
    Task<EntryResult> EnterAsync(string viewerId, string streamId);

    /// <summary>Ends it early: nobody wins, the units go back to stock, and the seed is revealed.</summary>
    [Alias("CancelAsync")]
    Task CancelAsync();

    /// <summary>Aborts a start its stream could not confirm: true when nothing of it is left.</summary>
    [Alias("AbortAsync")]
    Task<bool> AbortAsync();
}
