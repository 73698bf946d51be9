using LiveCommerce.Contracts.Streams;
using LiveCommerce.Engagement;
using LiveCommerce.Silo.Identity;
using LiveCommerce.Silo.Ranking;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Silo.Engagement;

/// <summary>
/// What the viewers' hub records, one call per hub method: joins and leaves, impressions of the products and the
/// pinned card a joining viewer is shown (with the products ranked for that viewer), reactions, comments, opened
/// product cards and add-to-carts. Signed-in viewers are recorded by <c>sub</c>, anonymous ones by connection.
/// Recording never blocks the hub call.
/// </summary>
public sealed class HubEngagement(IEngagementRecorder recorder, StreamRanking ranking, CandidateSource candidates, TimeProvider time)
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
        foreach (var card in ranked.Products)
        {
            recorder.Record(EngagementEvent.Impression(
                snapshot.Id, new ProductFacts(card.ProductId, null, card.SellerKind, card.Category), viewerId, userId is null, EngagementSurface.List, 1, now));
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
    public void Left(HubCallerContext context, string streamId) => RecordStream(context, EngagementKind.Leave, streamId);

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
    /// <returns>A task that completes when the click is buffered.</returns>
    /// <exception cref="HubException">The product is not on the stream's list.</exception>
    public async Task ViewedAsync(HubCallerContext context, string streamId, string productId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var set = await candidates.GetAsync(streamId);
        if (!set.TryGetIndex(productId, out var index))
        {
            throw new HubException("That product is not on this stream's list.");
        }

        var (viewerId, userId) = Viewer(context);
        recorder.Record(EngagementEvent.Click(streamId, set.Facts[index], viewerId, userId is null, time.GetUtcNow()));
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
