using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Contracts.Offers;

namespace LiveCommerce.Grains.Offers;

/// <summary>
/// The stored head of a <see cref="FlashOfferGrain"/>, written by every group write; its rules are in
/// <see cref="HoldLedger"/>. It stays small whatever the number of holds: it carries the offer, its counters
/// and only the holds changed since the last sealed <see cref="HoldPage"/> (<see cref="Recent"/>); the older
/// holds are in a chain of write-once pages that ends at <see cref="LastPage"/> (see <see cref="HoldLog"/>).
/// </summary>
[GenerateSerializer, Alias("lc.FlashOfferState")]
public sealed record FlashOfferState
{
    /// <summary>The offer as viewers see it, or null before it starts.</summary>
    [Id(0)] public Offer? Offer { get; set; }

    /// <summary>Why it ended, once it did.</summary>
    [Id(1)] public string? EndReason { get; set; }

    /// <summary>
    /// Holds changed since the last sealed page, by reservation id, in their latest version: these override the
    /// pages. (Before holds were paged this was every hold; such a state, with no pages, reads the same.)
    /// </summary>
    [Id(2)] public Dictionary<string, Hold> Recent { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Stock operations decided but not yet confirmed by the product, in order. They are stored with the decision
    /// and applied after it, oldest first; the product applies each id once, so a crash or a retry loses none and
    /// repeats none.
    /// </summary>
    [Id(4)] public List<StockOperation> Outbox { get; set; } = [];

    /// <summary>See <see cref="OfferPhase"/>; null before the start.</summary>
    [Id(5)] public string? Phase { get; set; }

    /// <summary>Whether <c>OfferEnded</c> went out; until it did, it is sent again.</summary>
    [Id(6)] public bool EndAnnounced { get; set; }

    /// <summary>The creator whose stream runs the offer; its cart lines carry it.</summary>
    [Id(7)] public string? CreatorId { get; set; }

    /// <summary>The key of the newest sealed page of holds, or null when there is none; each page names the one before it.</summary>
    [Id(8)] public string? LastPage { get; set; }

    /// <summary>How many pages the chain ending at <see cref="LastPage"/> has (a read of the chain is checked against it).</summary>
    [Id(9)] public int PageCount { get; set; }

    /// <summary>Hold versions in those pages, superseded ones included (when they outnumber the holds, the chain is compacted).</summary>
    [Id(10)] public int PagedEntries { get; set; }

    /// <summary>
    /// Whether these are the units of an auction or a giveaway: nobody claims them, nothing is announced, and the owner
    /// awards them to its winners at a price it decides (see <see cref="HoldLedger.Award"/>).
    /// </summary>
    [Id(11)] public bool Lot { get; set; }
}
