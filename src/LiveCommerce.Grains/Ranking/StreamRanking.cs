using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Engagement;
using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Ranking;

/// <summary>
/// The ranker in the engine: orders each viewer's <c>products</c> (personalised by the viewer's affinities, with
/// the local-seller exposure floor) and suggests the creator's next pin. If the engagement store cannot be read,
/// the viewer gets the creator's order rather than an error.
/// </summary>
public sealed partial class StreamRanking(
    CandidateSource candidates,
    SharedRankingModel model,
    RankingFeedback feedback,
    IEngagementStore store,
    IOptions<RankingOptions> options,
    TimeProvider time,
    ILogger<StreamRanking> logger)
{
    /// <summary>The snapshot with its products ranked for one viewer; the list shown is remembered for learning.</summary>
    /// <param name="snapshot">The stream snapshot.</param>
    /// <param name="viewerId">The viewer id (<see cref="EngagementEvent.ViewerKey"/>).</param>
    /// <param name="userId">The viewer's <c>sub</c>, or null when anonymous (no affinities).</param>
    /// <returns>The ranked snapshot.</returns>
    public async Task<StreamSnapshot> RankForViewerAsync(StreamSnapshot snapshot, string viewerId, string? userId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Products.Count == 0)
        {
            return snapshot;
        }

        try
        {
            var set = await candidates.GetAsync(snapshot);
            var viewer = userId is null ? ViewerAffinities.None : await AffinitiesAsync(userId);
            var listId = Guid.NewGuid().ToString("N");
            var ranked = model.Rank(set.Candidates, Context(viewer) with { Temperature = options.Value.Temperature, Seed = ListSeed.FromListId(listId) });
            feedback.Shown(viewerId, set, viewer, ranked, new ShownListLog(listId, userId, model.Observations, options.Value.Temperature, options.Value.LocalSellerExposureFloor));
            var cards = new Dictionary<string, ProductCard>(snapshot.Products.Count, StringComparer.Ordinal);
            foreach (var card in snapshot.Products)
            {
                cards.TryAdd(card.ProductId, card);
            }

            var ordered = new List<ProductCard>(snapshot.Products.Count);
            foreach (var entry in ranked)
            {
                if (cards.Remove(entry.ProductId, out var card))
                {
                    ordered.Add(card);
                }
            }

            ordered.AddRange(snapshot.Products.Where(c => cards.ContainsKey(c.ProductId)));
            return snapshot with { Products = ordered };
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogRankingFailed(logger, snapshot.Id, error);
            return snapshot;
        }
    }

    /// <summary>What the creator should pin next, best first, with reasons.</summary>
    /// <param name="snapshot">The stream snapshot.</param>
    /// <returns>The suggestions.</returns>
    public async Task<IReadOnlyList<PinSuggestion>> SuggestAsync(StreamSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var set = await candidates.GetAsync(snapshot);
        return model.Suggest(set.Candidates, options.Value.SuggestionCount, Context(null));
    }

    /// <summary>A viewer's affinities in [0, 1] from their decayed engagement scores.</summary>
    /// <param name="userId">The viewer's <c>sub</c>.</param>
    /// <returns>The affinities.</returns>
    public async Task<ViewerAffinities> AffinitiesAsync(string userId)
    {
        var scores = await store.GetAffinitiesAsync(userId, time.GetUtcNow());
        return scores.IsEmpty
            ? ViewerAffinities.None
            : new ViewerAffinities
            {
                Categories = scores.Categories.ToDictionary(s => s.Key, s => ViewerAffinities.FromCount(s.Value), StringComparer.Ordinal),
                Sellers = scores.Sellers.ToDictionary(s => s.Key, s => ViewerAffinities.FromCount(s.Value), StringComparer.Ordinal),
                Products = scores.Products.ToDictionary(s => s.Key, s => ViewerAffinities.FromCount(s.Value), StringComparer.Ordinal),
                ProductHistory = History(scores.ProductLooks, scores.ProductOpens),
                CategoryHistory = History(scores.CategoryLooks, scores.CategoryOpens),
                Overall = new ViewerHistory(scores.ProductLooks.Values.Sum(), scores.ProductOpens.Values.Sum()),
            };
    }

    private static Dictionary<string, ViewerHistory> History(IReadOnlyDictionary<string, double> looks, IReadOnlyDictionary<string, double> opens)
    {
        var history = new Dictionary<string, ViewerHistory>(looks.Count, StringComparer.Ordinal);
        foreach (var (key, examined) in looks)
        {
            history[key] = new ViewerHistory(examined, opens.GetValueOrDefault(key));
        }

        foreach (var (key, clicked) in opens)
        {
            history.TryAdd(key, new ViewerHistory(0, clicked));
        }

        return history;
    }

    private RankingContext Context(ViewerAffinities? viewer) => new()
    {
        Viewer = viewer,
        LocalSellerExposureFloor = options.Value.LocalSellerExposureFloor,
        Explore = options.Value.Explore,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ranking stream {StreamId} for a viewer failed; the viewer gets the creator's order")]
    private static partial void LogRankingFailed(ILogger logger, string streamId, Exception error);
}
