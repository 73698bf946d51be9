namespace LiveCommerce.Grains.Streams;

/// <summary>How a live stream folds viewer presence and how silos reuse its reads (configuration section <c>Streams</c>).</summary>
public sealed class LiveStreamOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Streams";

    /// <summary>How often, at most, the viewer count is pushed to viewers. Default 1 second.</summary>
    public TimeSpan ViewerCountInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A silo whose presence report is older than this no longer counts (it stopped or crashed). Default 10 seconds.</summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the product cards of a snapshot are reused before they are read again. Default 1 second.</summary>
    public TimeSpan CardCacheDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a silo reuses a stream's listing (status, products, creator) for add-to-cart checks before it asks the
    /// stream again; a product not on the kept list is always asked about at once. Default 1 second.
    /// </summary>
    public TimeSpan ListingCacheDuration { get; set; } = TimeSpan.FromSeconds(1);
}
