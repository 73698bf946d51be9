namespace LiveCommerce.Tests.Model;

/// <summary>One unit held for a viewer, as <see cref="OfferModel"/> sees it.</summary>
public sealed class ModelHold
{
    /// <summary>The reservation id (the engine's, once it answered).</summary>
    public required string Id { get; set; }

    /// <summary>The holder.</summary>
    public required string Viewer { get; init; }

    /// <summary>When it lapses unless bought.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>held, sold, lapsed or released.</summary>
    public string Status { get; set; } = "held";

    /// <summary>The checkout attempt that bought it, while sold.</summary>
    public string? SaleOperation { get; set; }

    /// <summary>Attempts that were taken back or cancelled.</summary>
    public HashSet<string> Cancelled { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether it still counts against the viewer's limit and the offer's units.</summary>
    public bool Open => Status is "held" or "sold";
}
