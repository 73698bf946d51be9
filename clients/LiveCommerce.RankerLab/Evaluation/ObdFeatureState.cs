using System.Globalization;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking;
using LiveCommerce.RankerLab.Obd;

namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>
/// Turns the OBD logs into the ranker's inputs, the way the engine turns its engagement counters into
/// <see cref="RankingCandidate"/>s: the whole campaign plays the role of one long "stream" whose running
/// impression/click counts feed the stream features, per-day counts give the cross-stream trend (last two days
/// against the days before), item_context.csv gives price slot and grouping keys, and the user-item affinity
/// columns give the viewer's product, category and "seller" affinities.
/// </summary>
public sealed class ObdFeatureState
{
    private const int RecentDays = 2;
    private readonly IReadOnlyList<ObdItem> _items;
    private readonly DateTimeOffset _origin;
    private readonly string[] _productIds;
    private readonly long[] _impressions;
    private readonly long[] _clicks;
    private readonly Dictionary<int, (long[] Impressions, long[] Clicks)> _byDay = [];

    /// <summary>Creates an empty state.</summary>
    /// <param name="items">The campaign's items.</param>
    /// <param name="origin">Start of day 0 of the trend buckets.</param>
    public ObdFeatureState(IReadOnlyList<ObdItem> items, DateTimeOffset origin)
    {
        _items = items;
        _origin = origin;
        _productIds = items.Select(i => i.ItemId.ToString(CultureInfo.InvariantCulture)).ToArray();
        _impressions = new long[items.Count];
        _clicks = new long[items.Count];
    }

    /// <summary>Counts one logged impression.</summary>
    /// <param name="row">The row.</param>
    public void Observe(ObdLogRow row)
    {
        _impressions[row.ItemId]++;
        _clicks[row.ItemId] += row.Click;
        var day = DayOf(row.Timestamp);
        if (!_byDay.TryGetValue(day, out var counts))
        {
            counts = (new long[_items.Count], new long[_items.Count]);
            _byDay[day] = counts;
        }

        counts.Impressions[row.ItemId]++;
        counts.Clicks[row.ItemId] += row.Click;
    }

    /// <summary>All items as ranking candidates at time <paramref name="now"/>.</summary>
    /// <param name="now">The current time (selects the trend windows).</param>
    /// <returns>Candidate i is item i.</returns>
    public RankingCandidate[] Candidates(DateTimeOffset now)
    {
        var today = DayOf(now);
        var result = new RankingCandidate[_items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            long recentImpressions = 0, recentClicks = 0, priorImpressions = 0, priorClicks = 0;
            foreach (var (day, counts) in _byDay)
            {
                if (day > today)
                {
                    continue;
                }

                if (day > today - RecentDays)
                {
                    recentImpressions += counts.Impressions[i];
                    recentClicks += counts.Clicks[i];
                }
                else
                {
                    priorImpressions += counts.Impressions[i];
                    priorClicks += counts.Clicks[i];
                }
            }

            var item = _items[i];
            result[i] = new RankingCandidate
            {
                ProductId = _productIds[i],
                CategoryId = item.Category1,
                SellerId = item.Category3,
                SellerKind = SellerKind.Brand,
                Impressions = _impressions[i],
                Examination = _impressions[i],
                ListClicks = _clicks[i],
                Clicks = _clicks[i],
                RecentExamination = recentImpressions,
                RecentClicks = recentClicks,
                PriorExamination = priorImpressions,
                PriorClicks = priorClicks,

                // item_feature_0 is a standardised numeric attribute; it fills the price slot so that
                // ln(1 + price) moves monotonically with it.
                PriceMinor = (long)Math.Round(Math.Exp(item.NumericFeature) * 10_000),
                CurrencyDigits = 2,
            };
        }

        return result;
    }

    /// <summary>
    /// The viewer of a row: product affinity from the user's past clicks on that item, category and seller
    /// affinity from the past clicks summed over items sharing item_feature_1 (category) or item_feature_3 (seller key).
    /// </summary>
    /// <param name="row">The row.</param>
    /// <param name="items">The campaign's items.</param>
    /// <returns><see langword="null"/> when the user has no past clicks (about 95% of rows).</returns>
    public static ViewerAffinities? Viewer(ObdLogRow row, IReadOnlyList<ObdItem> items)
    {
        Dictionary<string, double>? products = null, categoryCounts = null, sellerCounts = null;
        for (var j = 0; j < row.Affinities.Length && j < items.Count; j++)
        {
            var count = row.Affinities[j];
            if (count <= 0)
            {
                continue;
            }

            products ??= [];
            categoryCounts ??= [];
            sellerCounts ??= [];
            products[j.ToString(CultureInfo.InvariantCulture)] = ViewerAffinities.FromCount(count, 1.0);
            categoryCounts[items[j].Category1] = categoryCounts.GetValueOrDefault(items[j].Category1) + count;
            sellerCounts[items[j].Category3] = sellerCounts.GetValueOrDefault(items[j].Category3) + count;
        }

        if (products is null || categoryCounts is null || sellerCounts is null)
        {
            return null;
        }

        return new ViewerAffinities
        {
            Products = products,
            Categories = categoryCounts.ToDictionary(kv => kv.Key, kv => ViewerAffinities.FromCount(kv.Value, 2.0)),
            Sellers = sellerCounts.ToDictionary(kv => kv.Key, kv => ViewerAffinities.FromCount(kv.Value, 2.0)),
        };
    }

    /// <summary>A key equal for rows whose viewer affinities are equal.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The non-zero affinities as text ("" for none).</returns>
    public static string ContextKey(ObdLogRow row)
    {
        var parts = new List<string>();
        for (var j = 0; j < row.Affinities.Length; j++)
        {
            if (row.Affinities[j] > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{j}:{row.Affinities[j]}"));
            }
        }

        return string.Join(';', parts);
    }

    private int DayOf(DateTimeOffset time) => (int)Math.Floor((time - _origin).TotalDays);
}
