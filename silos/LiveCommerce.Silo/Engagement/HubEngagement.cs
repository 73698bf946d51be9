using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Engagement;
using LiveCommerce.Ranking;
using LiveCommerce.Silo.Identity;
using LiveCommerce.Grains.Ranking;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Silo.Engagement;

/// <summary>
/// What the viewers' hub records, one call per hub method: joins and leaves, impressions of the products (with
/// their positions in the list ranked for the viewer) and of the pinned card a joining viewer is shown, reactions,
/// comments, opened product cards (with where they were opened from) and add-to-carts; and what the ranker's feedback
/// on this silo learns from them. Signed-in viewers are recorded by <c>sub</c>, anonymous ones by connection.
/// Recording never blocks the hub call.
/// </summary>
public sealed class HubEngagement(
    IEngagementRecorder recorder, StreamRanking ranking, CandidateSource candidates, RankingFeedback feedback, TimeProvider time)
{
    /// <summary>Records a join (when <paramref name="isNew"/>) and the impressions of the snapshot, and ranks its products for the viewer.</summary>
    /// <param name="context">The caller.</param>
    /// <param name="snapshot">The stream snapshot.</param>
    /// <param name="isNew">Whether the connection was not yet watching the stream.</param>
    /// <returns>The snapshot with its products ranked for the viewer.</returns>
    public async Task<StreamSnapshot> JoinedAsync(HubCallerContext context, StreamSnapshot snapshot, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(snapshot);
        var (viewerId, userId) = Viewer(context);
        var now = time.GetUtcNow();
        if (isNew)
        {
            recorder.Record(EngagementEvent.Stream(EngagementKind.Join, snapshot.Id, viewerId, userId is null, now));
        }

        var ranked = await ranking.RankForViewerAsync(snapshot, viewerId, userId);
        for (var i = 0; i < ranked.Products.Count; i++)
        {
            var card = ranked.Products[i];
            recorder.Record(EngagementEvent.ListImpression(
                snapshot.Id, new ProductFacts(card.ProductId, null, card.SellerKind, card.Category), viewerId, userId is null, i + 1, Examination.Weight(i + 1), now));
        }

        if (ranked.Pinned is { } pinned)
        {
            recorder.Record(EngagementEvent.Impression(
                snapshot.Id, new ProductFacts(pinned.ProductId, null, pinned.SellerKind, pinned.Category), viewerId, userId is null, EngagementSurface.PinnedCard, 1, now));
        }

        return ranked;
    }

    /// <summary>Records that the caller left a stream.</summary>
    /// <param name="context">The caller.</param>
    /// <param name="streamId">The stream.</param>
    public void Left(HubCallerContext context, string streamId)
    {
        RecordStream(context, EngagementKind.Leave, streamId);
        feedback.Left(streamId, Viewer(context).ViewerId);
    }

    /// <summary>Records a reaction.</summary>
    /// <param name="context">The caller.</param>
    /// <param name="streamId">The stream.</param>
    public void Reacted(HubCallerContext context, string streamId) => RecordStream(context, EngagementKind.Reaction, streamId);

    /// <summary>Records a comment.</summary>
    /// <param name="context">The caller.</param>
    /// <param name="streamId">The stream.</param>
    public void Commented(HubCallerContext context, string streamId) => RecordStream(context, EngagementKind.Comment, streamId);

    /// <summary>Records that the caller opened a product card; the product must be on the stream's list.</summary>
    /// <param name="context">The caller.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="productId">The product.</param>
    /// <param name="surface">Where it was opened from; only <see cref="EngagementSurface.List"/> credits the list's ranking.</param>
    /// <returns>A task that completes when the click is buffered.</returns>
    /// <exception cref="HubException">The product is not on the stream's list.</exception>
    public async Task ViewedAsync(HubCallerContext context, string streamId, string productId, EngagementSurface surface = EngagementSurface.List)
    {
        ArgumentNullException.ThrowIfNull(context);
        var set = await candidates.GetAsync(streamId);
        if (!set.TryGetIndex(productId, out var index))
        {
            throw new HubException("That product is not on this stream's list.");
        }

        var (viewerId, userId) = Viewer(context);
        var click = EngagementEvent.Click(streamId, set.Facts[index], viewerId, userId is null, time.GetUtcNow(), surface);
        recorder.Record(surface == EngagementSurface.List ? click with { Position = feedback.PositionOf(streamId, viewerId, productId) } : click);
        feedback.Clicked(viewerId, set, productId, surface == EngagementSurface.List);
    }

    /// <summary>Records an add-to-cart by a signed-in viewer (call after the cart accepted it).</summary>
    /// <param name="context">The caller.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="productId">The product.</param>
    /// <param name="quantity">Units added.</param>
    /// <returns>A task that completes when the event is buffered.</returns>
    public async Task AddedToCartAsync(HubCallerContext context, string streamId, string productId, int quantity)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (viewerId, _) = Viewer(context);
        var set = await candidates.GetAsync(streamId);
        var facts = set.TryGetIndex(productId, out var index) ? set.Facts[index] : new ProductFacts(productId, null, null, null);
        recorder.Record(EngagementEvent.AddToCart(streamId, facts, viewerId, quantity, time.GetUtcNow()));
        feedback.Carted(viewerId, set, productId);
    }

    /// <summary>
    /// Credits the caller's ranked lists with a confirmed order (its purchase events are recorded where the order ran).
    /// This runs on the buyer's own connection, so the lists are found whichever silo the order grain lives on.
    /// </summary>
    /// <param name="context">The caller.</param>
    /// <param name="order">The order.</param>
    public void CheckedOut(HubCallerContext context, Order order)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(order);
        var (viewerId, _) = Viewer(context);
        feedback.Bought(viewerId, order.Items.Where(i => i.StreamId is not null).Select(i => (i.StreamId!, i.ProductId)));
    }

    private void RecordStream(HubCallerContext context, EngagementKind kind, string streamId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (viewerId, userId) = Viewer(context);
        recorder.Record(EngagementEvent.Stream(kind, streamId, viewerId, userId is null, time.GetUtcNow()));
    }

    private static (string ViewerId, string? UserId) Viewer(HubCallerContext context)
    {
        var userId = context.User.UserId();
        return (EngagementEvent.ViewerKey(userId, context.ConnectionId), userId);
    }
}
