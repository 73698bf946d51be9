using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Engagement;
using LiveCommerce.Grains.Engagement;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Grains.Offers;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Streams;

/// <inheritdoc cref="ILiveStreamGrain" />
public sealed class LiveStreamGrain(
    [PersistentState("stream")] IPersistentState<LiveStreamState> state,
    IStreamNotifier notifier,
    IOptions<LiveStreamOptions> options,
    IOptions<FlashOfferOptions> offerOptions,
    IEngagementRecorder engagement,
    TimeProvider time) : Grain, ILiveStreamGrain
{
    private readonly LiveStreamOptions _options = options.Value;
    private readonly Dictionary<string, (int Viewers, DateTimeOffset At)> _presence = new(StringComparer.Ordinal);
    private IReadOnlyList<ProductCard>? _cards;
    private DateTimeOffset _cardsReadAt;
    private int _viewerCount;
    private int _lastSentViewerCount;
    private long _unsavedReactions;
    private IGrainTimer? _presenceTimer;

    private string StreamId => this.GetPrimaryKeyString();

    private LiveStream Existing => state.State.Stream ?? throw LiveCommerceException.NotFound($"Stream '{StreamId}' was not found.");

    /// <inheritdoc />
    public async Task<LiveStream> CreateAsync(string creatorId, string title, IReadOnlyList<string> productIds, string? videoUrl)
    {
        if (state.State.Stream is not null)
        {
            throw LiveCommerceException.Conflict($"Stream '{StreamId}' already exists.");
        }

        var distinct = productIds.Distinct(StringComparer.Ordinal).ToList();
        foreach (var productId in distinct)
        {
            await ReadProductAsync(productId);
        }

        state.State.Stream = new LiveStream
        {
            Id = StreamId,
            CreatorId = creatorId,
            Title = title,
            Status = StreamStatus.Scheduled,
            ProductIds = distinct,
            VideoUrl = videoUrl,
            CreatedAt = time.GetUtcNow(),
        };
        await state.WriteStateAsync();
        await ListAsync(state.State.Stream);
        return state.State.Stream;
    }

    /// <inheritdoc />
    public Task<LiveStream?> GetAsync() => Task.FromResult(state.State.Stream);

    /// <inheritdoc />
    public async Task<LiveStream> AddProductAsync(string callerId, string productId)
    {
        var stream = Owned(callerId);
        NotEnded(stream);
        if (stream.ProductIds.Contains(productId, StringComparer.Ordinal))
        {
            return stream;
        }

        await ReadProductAsync(productId);
        return await SaveAsync(stream with { ProductIds = stream.ProductIds.Append(productId).ToList() });
    }

    /// <inheritdoc />
    public async Task<LiveStream> StartAsync(string callerId)
    {
        var stream = Owned(callerId);
        return stream.Status switch
        {
            StreamStatus.Live => stream,
            StreamStatus.Ended => throw LiveCommerceException.Conflict("The stream has ended; it cannot go live again."),
            _ => await ListAsync(await SaveAsync(stream with { Status = StreamStatus.Live, StartedAt = time.GetUtcNow() })),
        };
    }

    /// <inheritdoc />
    public async Task<LiveStream> EndAsync(string callerId)
    {
        var stream = Owned(callerId);
        if (stream.Status == StreamStatus.Ended)
        {
            return stream;
        }

        stream = await SaveAsync(stream with { Status = StreamStatus.Ended, EndedAt = time.GetUtcNow() });
        await ListAsync(stream);
        foreach (var offerId in state.State.OfferIds.ToList())
        {
            await GrainFactory.GetGrain<IFlashOfferGrain>(offerId).CancelAsync();
        }

        await notifier.SendAsync(StreamId, HubEvents.StreamEnded, new StreamEnded(StreamId));
        return stream;
    }

    /// <inheritdoc />
    public async Task<ProductCard> PinAsync(string callerId, string productId)
    {
        var stream = Owned(callerId);
        NotEnded(stream);
        if (!stream.ProductIds.Contains(productId, StringComparer.Ordinal))
        {
            throw LiveCommerceException.Invalid($"Product '{productId}' is not on this stream's list; add it first.");
        }

        var card = ProductCard.From(await ReadProductAsync(productId), StreamId);
        await SaveAsync(stream with { PinnedProductId = productId });
        await notifier.SendAsync(StreamId, HubEvents.ProductPinned, card);
        StreamEngagement.CardPushed(engagement, StreamId, card, _viewerCount, EngagementSurface.Pin, time.GetUtcNow());
        return card;
    }

    /// <inheritdoc />
    public async Task UnpinAsync(string callerId)
    {
        var stream = Owned(callerId);
        if (stream.PinnedProductId is null)
        {
            return;
        }

        await SaveAsync(stream with { PinnedProductId = null });
        await notifier.SendAsync(StreamId, HubEvents.ProductUnpinned, new ProductUnpinned(StreamId));
    }

    /// <inheritdoc />
    public async Task<StreamSnapshot> GetSnapshotAsync()
    {
        var stream = Existing;
        var cards = await ReadCardsAsync(stream);
        return new StreamSnapshot
        {
            Id = stream.Id,
            Title = stream.Title,
            Status = stream.Status,
            CreatorId = stream.CreatorId,
            ViewerCount = _viewerCount,
            Pinned = stream.PinnedProductId is { } pinned
                ? cards.FirstOrDefault(c => c.ProductId == pinned) ?? ProductCard.From(await ReadProductAsync(pinned), StreamId)
                : null,
            Offers = await ReadOffersAsync(),
            Products = cards,
            VideoUrl = stream.VideoUrl,
        };
    }

    /// <inheritdoc />
    public async Task<Offer> CreateOfferAsync(string callerId, CreateOfferRequest request)
    {
        var stream = Owned(callerId);
        if (stream.Status != StreamStatus.Live)
        {
            throw LiveCommerceException.Conflict("Flash offers run in a live stream; go live first.");
        }

        var productId = request.ProductId!;
        if (!stream.ProductIds.Contains(productId, StringComparer.Ordinal))
        {
            throw LiveCommerceException.Invalid($"Product '{productId}' is not on this stream's list; add it first.");
        }

        var product = await ReadProductAsync(productId);
        var price = request.Price!;
        if (price.Currency != product.Price.Currency)
        {
            throw LiveCommerceException.Invalid($"The offer price must be in the product's currency, {product.Price.Currency}.");
        }

        if (price.Amount > product.Price.Amount)
        {
            throw LiveCommerceException.Invalid($"The offer price cannot be above the product's price ({product.Price.Amount} {product.Price.Currency}).");
        }

        var limits = offerOptions.Value;
        var seconds = request.DurationSeconds!.Value;
        if (seconds < limits.MinDurationSeconds || seconds > limits.MaxDurationSeconds)
        {
            throw LiveCommerceException.Invalid($"An offer runs {limits.MinDurationSeconds} to {limits.MaxDurationSeconds} seconds.");
        }

        // The id is stored before the offer starts, and the start is announced only after it is stored, so a
        // viewer who joins at any moment either gets it in the snapshot or as OfferStarted.
        var offerId = Guid.NewGuid().ToString("N");
        state.State.OfferIds.Add(offerId);
        await state.WriteStateAsync();
        Offer offer;
        try
        {
            offer = await GrainFactory.GetGrain<IFlashOfferGrain>(offerId).StartAsync(new OfferSpec(
                StreamId, productId, product.Name, price, product.Price, request.Quantity!.Value,
                TimeSpan.FromSeconds(seconds), request.PerViewerLimit ?? 1));
        }
        catch (LiveCommerceException)
        {
            state.State.OfferIds.Remove(offerId);
            await state.WriteStateAsync();
            throw;
        }

        await notifier.SendAsync(StreamId, HubEvents.OfferStarted, offer);
        StreamEngagement.CardPushed(engagement, StreamId, ProductCard.From(product, StreamId), _viewerCount, EngagementSurface.Offer, time.GetUtcNow());
        return offer;
    }

    /// <inheritdoc />
    public async Task CancelOfferAsync(string callerId, string offerId)
    {
        Owned(callerId);
        if (!state.State.OfferIds.Contains(offerId))
        {
            var known = await GrainFactory.GetGrain<IFlashOfferGrain>(offerId).GetAsync();
            if (known?.StreamId != StreamId)
            {
                throw LiveCommerceException.NotFound($"Offer '{offerId}' is not an offer of this stream.");
            }

            return;
        }

        await GrainFactory.GetGrain<IFlashOfferGrain>(offerId).CancelAsync();
    }

    /// <inheritdoc />
    public async Task OfferEndedAsync(string offerId)
    {
        if (state.State.OfferIds.Remove(offerId))
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task PostCommentAsync(string userId, string text)
    {
        if (Existing.Status != StreamStatus.Live)
        {
            throw LiveCommerceException.Conflict("Comments open when the stream is live.");
        }

        await notifier.SendAsync(StreamId, HubEvents.CommentPosted, new CommentPosted(StreamId, userId, text, time.GetUtcNow()));
    }

    /// <inheritdoc />
    public Task ReportActivityAsync(string siloId, int viewers, long reactions)
    {
        if (state.State.Stream is null)
        {
            return Task.CompletedTask;
        }

        _presence[siloId] = (viewers, time.GetUtcNow());
        _unsavedReactions += reactions;
        _presenceTimer ??= this.RegisterGrainTimer(FoldPresenceAsync, _options.ViewerCountInterval, _options.ViewerCountInterval);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsavedReactions > 0 && state.State.Stream is not null)
        {
            state.State.Reactions += _unsavedReactions;
            _unsavedReactions = 0;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private async Task FoldPresenceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var silo in _presence.Where(p => now - p.Value.At > _options.PresenceTimeout).Select(p => p.Key).ToList())
        {
            _presence.Remove(silo);
        }

        _viewerCount = _presence.Values.Sum(p => p.Viewers);
        if (_unsavedReactions > 0)
        {
            state.State.Reactions += _unsavedReactions;
            _unsavedReactions = 0;
            await state.WriteStateAsync(cancellationToken);
        }

        if (_viewerCount != _lastSentViewerCount)
        {
            _lastSentViewerCount = _viewerCount;
            await notifier.SendAsync(StreamId, HubEvents.ViewerCount, new ViewerCount(StreamId, _viewerCount), cancellationToken);
        }

        if (_presence.Count == 0)
        {
            _presenceTimer?.Dispose();
            _presenceTimer = null;
        }
    }

    private async Task<IReadOnlyList<Offer>> ReadOffersAsync()
    {
        var offers = await Task.WhenAll(state.State.OfferIds.Select(id => GrainFactory.GetGrain<IFlashOfferGrain>(id).GetAsync()));
        return offers.OfType<Offer>().Where(o => o.Status == OfferStatus.Active).ToList();
    }

    private async Task<IReadOnlyList<ProductCard>> ReadCardsAsync(LiveStream stream)
    {
        var now = time.GetUtcNow();
        if (_cards is null || now - _cardsReadAt > _options.CardCacheDuration || _cards.Count != stream.ProductIds.Count)
        {
            var products = await Task.WhenAll(stream.ProductIds.Select(id => GrainFactory.GetGrain<IProductGrain>(id).GetAsync()));
            _cards = products.OfType<Product>().Select(p => ProductCard.From(p, StreamId)).ToList();
            _cardsReadAt = now;
        }

        return _cards;
    }

    private async Task<Product> ReadProductAsync(string productId) =>
        await GrainFactory.GetGrain<IProductGrain>(productId).GetAsync()
        ?? throw LiveCommerceException.NotFound($"Product '{productId}' was not found.");

    private LiveStream Owned(string callerId)
    {
        var stream = Existing;
        return stream.CreatorId == callerId
            ? stream
            : throw LiveCommerceException.Forbidden("This stream belongs to another creator.");
    }

    private static void NotEnded(LiveStream stream)
    {
        if (stream.Status == StreamStatus.Ended)
        {
            throw LiveCommerceException.Conflict("The stream has ended.");
        }
    }

    private async Task<LiveStream> ListAsync(LiveStream stream)
    {
        await GrainFactory.GetGrain<IStreamDirectoryGrain>(0).UpdateAsync(StreamListing.From(stream));
        return stream;
    }

    private async Task<LiveStream> SaveAsync(LiveStream stream)
    {
        state.State.Stream = stream;
        _cards = null;
        await state.WriteStateAsync();
        return stream;
    }
}
