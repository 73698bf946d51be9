using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Contracts.Offers;

namespace LiveCommerce.Grains.Offers;

/// <summary>The stored state of a <see cref="FlashOfferGrain"/>; its rules are in <see cref="HoldLedger"/>.</summary>
[GenerateSerializer, Alias("lc.FlashOfferState")]
public sealed record FlashOfferState
{
    /// <summary>The offer as viewers see it, or null before it starts.</summary>
    [Id(0)] public Offer? Offer { get; set; }

    /// <summary>Why it ended, once it did.</summary>
    [Id(1)] public string? EndReason { get; set; }

    /// <summary>Holds by reservation id.</summary>
    [Id(2)] public Dictionary<string, Hold> Holds { get; set; } = new(StringComparer.Ordinal);

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
}
