namespace LiveCommerce.Grains.Offers;

/// <summary>
/// A sealed page of an offer's holds: the latest versions of the holds that changed in one stretch of the
/// offer's life, stored once under a key never used before and never changed afterwards. Pages form a chain
/// from the newest (<see cref="FlashOfferState.LastPage"/>) back to the first through <see cref="Previous"/>.
/// </summary>
[GenerateSerializer, Alias("lc.HoldPage")]
public sealed record HoldPage
{
    /// <summary>The key of the page before this one, or null for the first page of its chain.</summary>
    [Id(0)] public string? Previous { get; init; }

    /// <summary>Holds by reservation id, as they were when the page was sealed.</summary>
    [Id(1)] public Dictionary<string, Hold> Holds { get; init; } = new(StringComparer.Ordinal);
}
