using System.Security.Claims;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Analytics;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Engagement;
using LiveCommerce.Engagement.Figures;
using LiveCommerce.Silo.Identity;
using LiveCommerce.Ranking.Reasons;
using LiveCommerce.Grains.Ranking;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// Engagement analytics, exposure and next-pin suggestions. Who sees what (docs/engagement.md): a stream's
/// figures go to its creator (their own audience in their own show) and admins; a seller's cross-stream product
/// figures go to that seller and admins only; a platform-owned shop is a seller like any other.
/// </summary>
public static class AnalyticsApi
{
    private const int MaxIdLength = 64;

    /// <summary>Maps the analytics endpoints.</summary>
    public static RouteGroupBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Analytics").RequireAuthorization(Roles.SignedIn)
            .AddEndpointFilter(new RouteIdFilter { What = "stream" });
        group.MapGet("/streams/{id}/analytics", StreamAnalyticsAsync);
        group.MapGet("/streams/{id}/exposure", ExposureAsync);
        group.MapGet("/streams/{id}/suggestions", SuggestionsAsync);
        group.MapGet("/sellers/{sellerId}/analytics", SellerAnalyticsAsync);
        return group;
    }

    private static async Task<Ok<StreamAnalytics>> StreamAnalyticsAsync(string id, ClaimsPrincipal user, IGrainFactory grains, IEngagementStore store)
    {
        var (stream, grain) = await StreamOfAsync(id, grains);
        RequireCreatorOrAdmin(stream, user);
        var snapshot = await grain.GetSnapshotAsync();
        var totalsRead = store.GetStreamTotalsAsync(id);
        var rows = await store.GetStreamProductsAsync(id, stream.ProductIds);
        var totals = await totalsRead;
        var currencies = await CurrenciesAsync(stream.ProductIds, snapshot, grains);
        return TypedResults.Ok(new StreamAnalytics(
            snapshot.ViewerCount,
            Math.Max(totals.PeakViewers, snapshot.ViewerCount),
            totals.UniqueViewers,
            totals.Reactions,
            totals.Comments,
            [.. rows.Select(row => Row(row, currencies[row.ProductId]))]));
    }

    private static async Task<Ok<SellerAnalytics>> SellerAnalyticsAsync(string sellerId, ClaimsPrincipal user, IGrainFactory grains, IEngagementStore store)
    {
        if (sellerId.Length > MaxIdLength)
        {
            throw LiveCommerceException.NotFound($"No seller has the id '{sellerId}'.");
        }

        if (!string.Equals(user.UserId(), sellerId, StringComparison.Ordinal) && !user.IsInRole(Roles.Admin))
        {
            throw LiveCommerceException.Forbidden("A seller's figures are for that seller (and admins) only.");
        }

        var productIds = await grains.GetGrain<ISellerCatalogGrain>(sellerId).GetProductIdsAsync();
        var rows = await store.GetProductsAsync(productIds);
        var currencies = await CurrenciesAsync(productIds, null, grains);
        return TypedResults.Ok(new SellerAnalytics(sellerId, [.. rows.Select(row => Row(row, currencies[row.ProductId]))]));
    }

    private static async Task<Ok<StreamExposure>> ExposureAsync(string id, ClaimsPrincipal user, IGrainFactory grains, IEngagementStore store)
    {
        var (stream, _) = await StreamOfAsync(id, grains);
        RequireCreatorOrAdmin(stream, user);
        var kinds = (await store.GetExposureAsync(id)).ToDictionary(k => k.SellerKind, StringComparer.Ordinal);
        foreach (var kind in SellerKinds.All)
        {
            kinds.TryAdd(kind, new SellerKindFigures(kind, 0, 0));
        }

        var impressions = kinds.Values.Sum(k => k.Impressions);
        var clicks = kinds.Values.Sum(k => k.Clicks);
        var examination = kinds.Values.Sum(k => k.Examination);
        var rows = kinds.Values
            .OrderBy(k => SellerKinds.All.Contains(k.SellerKind) ? SellerKinds.All.ToList().IndexOf(k.SellerKind) : int.MaxValue)
            .Select(k => new SellerKindExposure(
                k.SellerKind, k.Impressions, k.Clicks,
                impressions == 0 ? 0 : (double)k.Impressions / impressions,
                clicks == 0 ? 0 : (double)k.Clicks / clicks,
                examination <= 0 ? 0 : k.Examination / examination))
            .ToList();
        return TypedResults.Ok(new StreamExposure(id, rows));
    }

    private static async Task<Ok<IReadOnlyList<PinSuggestion>>> SuggestionsAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, StreamRanking ranking, CandidateSource candidates)
    {
        var (stream, grain) = await StreamOfAsync(id, grains);
        var caller = user.UserId();
        if (!string.Equals(stream.CreatorId, caller, StringComparison.Ordinal))
        {
            throw LiveCommerceException.Forbidden("Suggestions are for the stream's creator.");
        }

        var snapshot = await grain.GetSnapshotAsync();
        var suggestions = await ranking.SuggestAsync(snapshot);
        var set = await candidates.GetAsync(snapshot);

        // The cross-stream trend of another seller's product is that seller's figure from other streams: it is
        // not quoted to this creator (it still counts in the score, which reveals no figure).
        IReadOnlyList<PinSuggestion> result =
        [
            .. suggestions.Select(s =>
            {
                var own = OwnProduct(set, s.ProductId, caller);
                var reasons = s.Reasons.Where(r => own || r.Kind != ReasonKinds.Trend).ToList();
                return new PinSuggestion(s.ProductId, s.Score, [.. reasons.Select(r => r.Text)], [.. reasons.Select(r => new SuggestionReason(r.Kind, r.Text))]);
            }),
        ];
        return TypedResults.Ok(result);
    }

    private static bool OwnProduct(StreamCandidates set, string productId, string? caller) =>
        set.TryGetIndex(productId, out var index) && caller is not null && string.Equals(set.Facts[index].SellerId, caller, StringComparison.Ordinal);

    private static async Task<(LiveStream Stream, ILiveStreamGrain Grain)> StreamOfAsync(string id, IGrainFactory grains)
    {
        var grain = grains.GetGrain<ILiveStreamGrain>(id);
        var stream = id.Length <= MaxIdLength ? await grain.GetAsync() : null;
        return stream is null ? throw LiveCommerceException.NotFound($"No stream has the id '{id}'.") : (stream, grain);
    }

    private static void RequireCreatorOrAdmin(LiveStream stream, ClaimsPrincipal user)
    {
        if (!string.Equals(stream.CreatorId, user.UserId(), StringComparison.Ordinal) && !user.IsInRole(Roles.Admin))
        {
            throw LiveCommerceException.Forbidden("A stream's figures are for its creator (and admins) only.");
        }
    }

    private static async Task<Dictionary<string, string>> CurrenciesAsync(IReadOnlyList<string> productIds, StreamSnapshot? snapshot, IGrainFactory grains)
    {
        var known = snapshot?.Products.ToDictionary(c => c.ProductId, c => c.Price.Currency, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var productId in productIds)
        {
            result[productId] = known.TryGetValue(productId, out var currency)
                ? currency
                : (await grains.GetGrain<IProductGrain>(productId).GetAsync())?.Price.Currency ?? "IDR";
        }

        return result;
    }

    private static ProductAnalytics Row(ProductFigures figures, string currency) =>
        new(figures.ProductId, figures.Impressions, figures.Clicks, figures.AddToCarts, figures.Purchases, new Money(figures.RevenueIn(currency), currency));
}
