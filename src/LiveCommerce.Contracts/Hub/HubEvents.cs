namespace LiveCommerce.Contracts.Hub;

/// <summary>The names of the events the engine pushes to viewers.</summary>
public static class HubEvents
{
    /// <summary>Payload: <see cref="Products.ProductCard"/>.</summary>
    public const string ProductPinned = nameof(ProductPinned);

    /// <summary>Payload: <see cref="Hub.ProductUnpinned"/>.</summary>
    public const string ProductUnpinned = nameof(ProductUnpinned);

    /// <summary>Payload: <see cref="Offers.Offer"/>.</summary>
    public const string OfferStarted = nameof(OfferStarted);

    /// <summary>Payload: <see cref="Hub.OfferUpdated"/>.</summary>
    public const string OfferUpdated = nameof(OfferUpdated);

    /// <summary>Payload: <see cref="Hub.OfferEnded"/>.</summary>
    public const string OfferEnded = nameof(OfferEnded);

    /// <summary>Payload: <see cref="Hub.ViewerCount"/>.</summary>
    public const string ViewerCount = nameof(ViewerCount);

    /// <summary>Payload: <see cref="Hub.CommentPosted"/>.</summary>
    public const string CommentPosted = nameof(CommentPosted);

    /// <summary>Payload: <see cref="Hub.StreamEnded"/>.</summary>
    public const string StreamEnded = nameof(StreamEnded);

    /// <summary>Payload: <see cref="Video.VideoStatus"/>.</summary>
    public const string VideoStatus = nameof(VideoStatus);
}
