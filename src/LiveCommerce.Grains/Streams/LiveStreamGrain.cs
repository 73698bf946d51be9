using LiveCommerce.Abstractions.Chat;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Sales;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Abstractions.Video;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Engagement;
using LiveCommerce.Grains.Engagement;
using LiveCommerce.Grains.Notifications;
using LiveCommerce.Grains.Offers;
using LiveCommerce.Grains.Products;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Streams;

/// <inheritdoc cref="ILiveStreamGrain" />
public sealed partial class LiveStreamGrain(
    [PersistentState("stream")] IPersistentState<LiveStreamState> state,
    IStreamNotifier notifier,
    IOptions<LiveStreamOptions> options,
    IOptions<FlashOfferOptions> offerOptions,
    IEngagementRecorder engagement,
    TimeProvider time,
    ILogger<LiveStreamGrain> logger) : Grain, ILiveStreamGrain
{
    private static readonly TimeSpan AnnounceRetry = TimeSpan.FromSeconds(1);
    private readonly LiveStreamOptions _options = options.Value;
    private readonly Dictionary<string, (int Viewers, DateTimeOffset At)> _presence = new(StringComparer.Ordinal);
    private IReadOnlyList<ProductCard>? _cards;
    private DateTimeOffset _cardsReadAt;
    private int _viewerCount;
    private int _lastSentViewerCount;
    private long _unsavedReactions;
    private IGrainTimer? _presenceTimer;
    private IGrainTimer? _announceTimer;
    private StreamVideo? _sentVideo;

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
        await state.WriteOrReloadAsync(this);
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
            StreamStatus.Live => await ListAsync(stream),
            StreamStatus.Ended => throw LiveCommerceException.Conflict("The stream has ended; it cannot go live again."),
            _ => await ListAsync(await SaveAsync(stream with { Status = StreamStatus.Live, StartedAt = time.GetUtcNow() })),
        };
    }

    /// <inheritdoc />
    public async Task<LiveStream> EndAsync(string callerId)
    {
        var stream = Owned(callerId);
        if (stream.Status != StreamStatus.Ended)
        {
            stream = await SaveAsync(stream with { Status = StreamStatus.Ended, EndedAt = time.GetUtcNow() });
        }

        // Every step after the stored end is safe to repeat, so an end that failed half-way is finished by a retry.
        await ListAsync(stream);
        foreach (var offerId in state.State.OfferIds.ToList())
        {
            await GrainFactory.GetGrain<IFlashOfferGrain>(offerId).CancelAsync();
        }

        await GrainFactory.GetGrain<IStreamSalesGrain>(StreamId).EndAllAsync();

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
        Moment(TimelineKinds.Pinned, productId);
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

        var unpinned = stream.PinnedProductId;
        await SaveAsync(stream with { PinnedProductId = null });
        await notifier.SendAsync(StreamId, HubEvents.ProductUnpinned, new ProductUnpinned(StreamId));
        Moment(TimelineKinds.Unpinned, unpinned);
    }

    /// <inheritdoc />
    public async Task<StreamSnapshot> GetSnapshotAsync()
    {
        var stream = Existing;
        var cards = await ReadCardsAsync(stream);
        var sales = GrainFactory.GetGrain<IStreamSalesGrain>(StreamId).GetRunningAsync();
        var offers = ReadOffersAsync();
        var running = await sales;
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
            Offers = await offers,
            Products = cards,
            Auctions = running.Auctions,
            Giveaways = running.Giveaways,
            Vouchers = running.Vouchers,
            VideoUrl = stream.VideoUrl,
            Video = state.State.Video ?? StreamVideo.Offline,
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

        var quantity = request.Quantity!.Value;
        OfferTerms.Check(product, stream.CreatorId, price, quantity);
        var limits = offerOptions.Value;
        var seconds = request.DurationSeconds!.Value;
        if (seconds < limits.MinDurationSeconds || seconds > limits.MaxDurationSeconds)
        {
            throw LiveCommerceException.Invalid($"An offer runs {limits.MinDurationSeconds} to {limits.MaxDurationSeconds} seconds.");
        }

        // The id is stored, as still to be announced, before the offer starts, and the start is announced only after
        // it is stored, so a viewer who joins at any moment either gets it in the snapshot or as OfferStarted; a
        // start whose announcement was cut off is announced when the stream comes back.
        var offerId = Guid.NewGuid().ToString("N");
        state.State.OfferIds.Add(offerId);
        state.State.Unannounced.Add(offerId);
        await state.WriteOrReloadAsync(this);
        var grain = GrainFactory.GetGrain<IFlashOfferGrain>(offerId);
        Offer offer;
        try
        {
            offer = await grain.StartAsync(new OfferSpec(
                StreamId, productId, product.Name, price, product.Price, quantity,
                TimeSpan.FromSeconds(seconds), request.PerViewerLimit ?? 1, stream.CreatorId));
        }
        catch (Exception error)
        {
            // A start that was refused or could not be confirmed is aborted: nothing of it stays in stock or in view.
            if (error is LiveCommerceException || await TryAbortAsync(grain))
            {
                state.State.OfferIds.Remove(offerId);
                state.State.Unannounced.Remove(offerId);
                await TryWriteAsync();
            }

            throw;
        }

        await AnnounceAsync(offer);
        Moment(TimelineKinds.OfferStarted, productId);
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
        var endedAt = time.GetUtcNow();
        var running = state.State.OfferIds.Remove(offerId);
        if (running | state.State.Unannounced.Remove(offerId))
        {
            await state.WriteOrReloadAsync(this);
        }

        if (running && await GrainFactory.GetGrain<IFlashOfferGrain>(offerId).GetAsync() is { } offer)
        {
            Moment(TimelineKinds.OfferEnded, offer.ProductId, endedAt);
        }
    }

    /// <inheritdoc />
    public async Task SetVideoAsync(StreamVideo video)
    {
        if (state.State.Stream is null)
        {
            return;
        }

        if (state.State.Video != video)
        {
            state.State.Video = video;
            await state.WriteOrReloadAsync(this);
        }

        // Sent again after a send that failed, or after this activation began: viewers take repeats as no change.
        if (_sentVideo != video)
        {
            await notifier.SendAsync(StreamId, HubEvents.VideoStatus, VideoStatus.Of(StreamId, video));
            _sentVideo = video;
        }
    }

    /// <inheritdoc />
    public async Task PostCommentAsync(string userId, string text)
    {
        if (Existing.Status != StreamStatus.Live)
        {
            throw LiveCommerceException.Conflict("Comments open when the stream is live.");
        }

        var comment = await GrainFactory.GetGrain<IStreamChatGrain>(StreamId).PostAsync(userId, Existing.CreatorId, text, Existing.ProductIds);
        await notifier.SendAsync(StreamId, HubEvents.CommentPosted, new CommentPosted(StreamId, userId, text, comment.At, comment.Id, comment.Intent, comment.ProductId));
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
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Unannounced.Count > 0)
        {
            _announceTimer = this.RegisterGrainTimer(AnnounceLeftAsync, TimeSpan.Zero, AnnounceRetry);
        }

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

    private async Task AnnounceAsync(Offer offer)
    {
        try
        {
            await notifier.SendAsync(StreamId, HubEvents.OfferStarted, offer);
            state.State.Unannounced.Remove(offer.Id);
        }
        catch (Exception error)
        {
            LogAnnounceDeferred(logger, StreamId, error);
            _announceTimer ??= this.RegisterGrainTimer(AnnounceLeftAsync, AnnounceRetry, AnnounceRetry);
        }
    }

    /// <summary>Sends every <c>OfferStarted</c> a crash or a cut cut off; offers that never started are dropped.</summary>
    private async Task AnnounceLeftAsync(CancellationToken cancellationToken)
    {
        foreach (var offerId in state.State.Unannounced.ToList())
        {
            var offer = await GrainFactory.GetGrain<IFlashOfferGrain>(offerId).GetAsync();
            if (offer is { Status: OfferStatus.Active })
            {
                await AnnounceAsync(offer);
            }
            else
            {
                state.State.Unannounced.Remove(offerId);
                if (offer is null)
                {
                    state.State.OfferIds.Remove(offerId);
                }
            }
        }

        if (state.State.Unannounced.Count == 0)
        {
            _announceTimer?.Dispose();
            _announceTimer = null;
            await TryWriteAsync();
        }
    }

    private async Task<bool> TryAbortAsync(IFlashOfferGrain offer)
    {
        try
        {
            return await offer.AbortAsync();
        }
        catch (Exception error)
        {
            // The offer's own reminder settles a start left half-way.
            LogAnnounceDeferred(logger, StreamId, error);
            return false;
        }
    }

    private async Task TryWriteAsync()
    {
        if (await state.TryWriteOrReloadAsync(this) is { } error)
        {
            LogAnnounceDeferred(logger, StreamId, error);
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

    /// <summary>Records a moment for the replay's timeline: one-way, so the creator's call never waits on it.</summary>
    private void Moment(string kind, string productId, DateTimeOffset? at = null) =>
        _ = GrainFactory.GetGrain<IStreamVideoGrain>(StreamId).RecordAsync(new TimelineEntry(kind, productId, at ?? time.GetUtcNow()));

    private async Task<LiveStream> ListAsync(LiveStream stream)
    {
        await GrainFactory.GetGrain<IStreamDirectoryGrain>(0).UpdateAsync(StreamListing.From(stream));
        return stream;
    }

    private async Task<LiveStream> SaveAsync(LiveStream stream)
    {
        state.State.Stream = stream;
        _cards = null;
        await state.WriteOrReloadAsync(this);
        return stream;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {StreamId}: an offer event or write is deferred; it is retried")]
    private static partial void LogAnnounceDeferred(ILogger logger, string streamId, Exception error);
}
