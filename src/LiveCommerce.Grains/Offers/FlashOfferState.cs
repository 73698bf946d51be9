using LiveCommerce.Contracts.Offers;

namespace LiveCommerce.Grains.Offers;

/// <summary>The stored state of a <see cref="FlashOfferGrain"/>.</summary>
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
    /// Stock operations decided but not yet confirmed by the product, by operation id. They are stored with
    /// the decision and applied after it (the product applies each id once), so a crash loses none.
    /// </summary>
    [Id(3)] public Dictionary<string, StockOperation> Outbox { get; set; } = new(StringComparer.Ordinal);
}
