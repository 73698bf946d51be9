using System.Collections.Concurrent;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Engagement;
using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Features;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Ranking;

/// <summary>
/// Builds a stream's <see cref="StreamCandidates"/> from its snapshot and the engagement store: this stream's
/// impressions, clicks, add-to-carts, purchases and revenue, the cross-stream trend, when each product was last
/// pinned, price and stock. A stream's set is built once per <see cref="RankingOptions.CandidateCacheDuration"/>
/// however many viewers join at once, and rebuilt at once when the list or the pin changes.
/// </summary>
public sealed class CandidateSource(
    IEngagementStore store, IGrainFactory grains, IOptions<RankingOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Task<StreamCandidates>> _streams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _sellers = new(StringComparer.Ordinal);

    /// <summary>The candidates of a stream, read from its grain.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>The candidates.</returns>
    public async Task<StreamCandidates> GetAsync(string streamId) =>
        await GetAsync(await grains.GetGrain<ILiveStreamGrain>(streamId).GetSnapshotAsync());

    /// <summary>The candidates of the stream of <paramref name="snapshot"/>.</summary>
    /// <param name="snapshot">The stream snapshot.</param>
    /// <returns>The candidates.</returns>
    public async Task<StreamCandidates> GetAsync(StreamSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        while (true)
        {
            _streams.TryGetValue(snapshot.Id, out var current);
            if (current is not null)
            {
                if (!current.IsCompleted)
                {
                    try
                    {
                        var pending = await current;
                        if (pending.Matches(snapshot))
                        {
                            return pending;
                        }
                    }
                    catch (Exception) when (current.IsFaulted)
                    {
                        // Somebody else's build failed; try our own.
                    }
                }
                else if (current.IsCompletedSuccessfully && current.Result.Matches(snapshot)
                    && time.GetUtcNow() - current.Result.BuiltAt < options.Value.CandidateCacheDuration)
                {
                    return current.Result;
                }
            }

            var build = new TaskCompletionSource<StreamCandidates>(TaskCreationOptions.RunContinuationsAsynchronously);
            var claimed = current is null ? _streams.TryAdd(snapshot.Id, build.Task) : _streams.TryUpdate(snapshot.Id, build.Task, current);
            if (!claimed)
            {
                continue;
            }

            try
            {
                build.SetResult(await BuildAsync(snapshot));
            }
            catch (Exception error)
            {
                build.SetException(error);
                _streams.TryRemove(new KeyValuePair<string, Task<StreamCandidates>>(snapshot.Id, build.Task));
            }

            return await build.Task;
        }
    }

    /// <summary>Forgets streams whose figures are older than <paramref name="age"/>.</summary>
    /// <param name="age">The age.</param>
    public void Sweep(TimeSpan age)
    {
        var now = time.GetUtcNow();
        foreach (var (streamId, task) in _streams)
        {
            if (task.IsCompleted && (!task.IsCompletedSuccessfully || now - task.Result.BuiltAt > age))
            {
                _streams.TryRemove(new KeyValuePair<string, Task<StreamCandidates>>(streamId, task));
            }
        }
    }

    private async Task<StreamCandidates> BuildAsync(StreamSnapshot snapshot)
    {
        var now = time.GetUtcNow();
        var cards = snapshot.Products;
        var ids = cards.Select(c => c.ProductId).ToList();
        var figuresRead = store.GetStreamProductsAsync(snapshot.Id, ids);
        var trendsRead = store.GetTrendsAsync(ids, now);
        var pinsRead = store.GetLastPinnedAsync(snapshot.Id);
        await Task.WhenAll(ids.Where(id => !_sellers.ContainsKey(id)).Select(async id =>
            _sellers[id] = (await grains.GetGrain<IProductGrain>(id).GetAsync())?.SellerId));
        var figures = await figuresRead;
        var trends = await trendsRead;
        var pins = await pinsRead;

        var candidates = new RankingCandidate[cards.Count];
        var facts = new ProductFacts[cards.Count];
        for (var i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            var figure = figures[i];
            var trend = trends[i];
            var sellerId = _sellers.GetValueOrDefault(card.ProductId);
            candidates[i] = new RankingCandidate
            {
                ProductId = card.ProductId,
                CategoryId = card.Category,
                SellerId = sellerId,
                SellerKind = RankingKindOf(card),
                Impressions = figure.Impressions,
                Examination = figure.Examination,
                PositionImpressions = figure.PositionImpressions,
                PositionClicks = figure.PositionClicks,
                ListClicks = figure.ListClicks,
                Clicks = figure.Clicks,
                CartActions = figure.CartActions,
                PurchaseActions = figure.PurchaseActions,
                UnitsSold = figure.Purchases,
                RevenueMinor = figure.RevenueIn(card.Price.Currency),
                RecentExamination = trend.RecentExamination,
                RecentClicks = trend.RecentClicks,
                PriorExamination = trend.PriorExamination,
                PriorClicks = trend.PriorClicks,
                PriceMinor = card.Price.Amount,
                CurrencyDigits = Currencies.TryGetDigits(card.Price.Currency, out var digits) ? digits : 2,
                CurrencyCode = card.Price.Currency,
                StockLeft = card.Stock,
                SecondsSinceLastPinned = pins.TryGetValue(card.ProductId, out var pinnedAt) ? Math.Max(0, (now - pinnedAt).TotalSeconds) : null,
                IsPinned = string.Equals(card.ProductId, snapshot.Pinned?.ProductId, StringComparison.Ordinal),
            };
            facts[i] = new ProductFacts(card.ProductId, sellerId, card.SellerKind, card.Category);
        }

        // Click rates go by the attention each position really gets in this stream, fitted from its clicks by position.
        var curve = PositionCurve.Fit(candidates);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i].PositionImpressions.Count > 0)
            {
                candidates[i] = candidates[i] with { Examination = curve.ExaminationOf(candidates[i]) };
            }
        }

        return new StreamCandidates(
            snapshot.Id, snapshot.CreatorId, snapshot.Pinned?.ProductId, candidates, facts, now, StreamCandidates.EpisodeOf(snapshot), curve);
    }

    /// <summary>The kind the exposure floor goes by (see <see cref="RankingCandidate.SellerKind"/>).</summary>
    /// <param name="card">The product card.</param>
    /// <returns>The ranking kind.</returns>
    /// <remarks>
    /// Only a product whose seller an admin verified as <c>local-sme</c>, and which is labelled so, counts for the floor;
    /// every product of a seller verified as <c>platform</c>, and every product labelled platform, is platform (never
    /// lifted); the rest rank as brands.
    /// </remarks>
    public static SellerKind RankingKindOf(ProductCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.VerifiedSellerKind == Contracts.Products.SellerKinds.Platform || card.SellerKind == Contracts.Products.SellerKinds.Platform)
        {
            return SellerKind.Platform;
        }

        return card.SellerKindVerified && card.SellerKind == Contracts.Products.SellerKinds.LocalSme ? SellerKind.LocalSme : SellerKind.Brand;
    }
}
