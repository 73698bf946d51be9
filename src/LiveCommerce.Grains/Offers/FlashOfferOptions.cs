namespace LiveCommerce.Grains.Offers;

/// <summary>Flash-offer settings (configuration section <c>FlashOffers</c>).</summary>
public sealed class FlashOfferOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "FlashOffers";

    /// <summary>How long a claim holds a unit for the viewer, in seconds. Default 300.</summary>
    public int HoldSeconds { get; set; } = 300;

    /// <summary>The least time between two <c>OfferUpdated</c> events of one offer. Default 100 ms (about 10 a second).</summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Changed holds an offer's head carries before they are sealed into a page of their own (see <c>HoldLog</c>):
    /// the most a group write stores, however many holds the offer has. Default 128.
    /// </summary>
    public int HoldPageSize { get; set; } = HoldLog.DefaultPageSize;

    /// <summary>The shortest offer, in seconds. Default 10.</summary>
    public int MinDurationSeconds { get; set; } = 10;

    /// <summary>The longest offer, in seconds. Default 86,400 (a day, as contract v2 allows).</summary>
    public int MaxDurationSeconds { get; set; } = 86_400;
}
