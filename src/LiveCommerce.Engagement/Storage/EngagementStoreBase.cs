using System.Globalization;
using LiveCommerce.Engagement.Figures;
using static LiveCommerce.Engagement.Storage.EngagementKeys;

namespace LiveCommerce.Engagement.Storage;

/// <summary>
/// The queries of <see cref="IEngagementStore"/>, written once over a few storage primitives (read a hash, read
/// some fields of several hashes, count a unique set), so the Redis and the in-process store answer alike.
/// </summary>
public abstract class EngagementStoreBase : IEngagementStore
{
    /// <summary>Creates the store.</summary>
    /// <param name="options">Trend windows and affinity decay.</param>
    protected EngagementStoreBase(EngagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings.</summary>
    protected EngagementOptions Options { get; }

    /// <inheritdoc />
    public abstract Task WriteAsync(EngagementBatch batch, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public async Task<StreamTotals> GetStreamTotalsAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var hash = ReadHashAsync(Stream(streamId), cancellationToken);
        var unique = CountUniqueAsync(StreamViewers(streamId), cancellationToken);
        var values = await hash;
        return new StreamTotals(
            Long(values, Joins), Long(values, Viewers), Long(values, Peak), await unique, Long(values, Reactions), Long(values, Comments));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProductFigures>> GetStreamProductsAsync(
        string streamId, IReadOnlyList<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var values = await ReadHashAsync(StreamProducts(streamId), cancellationToken);
        var byProduct = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (field, value) in values)
        {
            var split = field.IndexOf(Separator, StringComparison.Ordinal);
            if (split <= 0)
            {
                continue;
            }

            var productId = field[..split];
            if (!byProduct.TryGetValue(productId, out var counters))
            {
                counters = new Dictionary<string, string>(StringComparer.Ordinal);
                byProduct[productId] = counters;
            }

            counters[field[(split + 1)..]] = value;
        }

        return [.. productIds.Select(id => byProduct.TryGetValue(id, out var counters) ? FiguresOf(id, counters) : ProductFigures.Zero(id))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProductFigures>> GetProductsAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var hashes = await Task.WhenAll(productIds.Select(id => ReadHashAsync(Product(id), cancellationToken)));
        return [.. productIds.Select((id, i) => FiguresOf(id, hashes[i]))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SellerKindFigures>> GetExposureAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var values = await ReadHashAsync(StreamKinds(streamId), cancellationToken);
        var kinds = new SortedDictionary<string, (long Impressions, long Clicks, long Examination)>(StringComparer.Ordinal);
        foreach (var (field, value) in values)
        {
            var split = field.IndexOf(Separator, StringComparison.Ordinal);
            if (split <= 0)
            {
                continue;
            }

            var kind = field[(split + 1)..];
            kinds.TryGetValue(kind, out var figures);
            var count = ParseLong(value);
            kinds[kind] = field[..split] switch
            {
                Impressions => figures with { Impressions = SaturatingCounter.Add(figures.Impressions, count) },
                Clicks => figures with { Clicks = SaturatingCounter.Add(figures.Clicks, count) },
                Examination => figures with { Examination = SaturatingCounter.Add(figures.Examination, count) },
                _ => figures,
            };
        }

        return [.. kinds.Select(k => new SellerKindFigures(k.Key, k.Value.Impressions, k.Value.Clicks) { Examination = k.Value.Examination / ExaminationScale })];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProductTrend>> GetTrendsAsync(
        IReadOnlyList<string> productIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        if (productIds.Count == 0)
        {
            return [];
        }

        var current = BucketOf(now, Options.TrendBucket);
        var buckets = Options.TrendRecentBuckets + Options.TrendPriorBuckets;
        var keys = Enumerable.Range(0, buckets).Select(age => Trend(current - age)).ToList();
        var fields = new List<string>(productIds.Count * 2);
        foreach (var id in productIds)
        {
            fields.Add(Field(id, Examination));
            fields.Add(Field(id, ListClicks));
        }

        var rows = await ReadFieldsAsync(keys, fields, cancellationToken);
        var result = new ProductTrend[productIds.Count];
        for (var p = 0; p < productIds.Count; p++)
        {
            long recentImpressions = 0, recentClicks = 0, priorImpressions = 0, priorClicks = 0;
            for (var age = 0; age < buckets; age++)
            {
                var impressions = rows[age][2 * p];
                var clicks = rows[age][(2 * p) + 1];
                if (age < Options.TrendRecentBuckets)
                {
                    recentImpressions = SaturatingCounter.Add(recentImpressions, impressions);
                    recentClicks = SaturatingCounter.Add(recentClicks, clicks);
                }
                else
                {
                    priorImpressions = SaturatingCounter.Add(priorImpressions, impressions);
                    priorClicks = SaturatingCounter.Add(priorClicks, clicks);
                }
            }

            result[p] = new ProductTrend(productIds[p], recentImpressions / ExaminationScale, recentClicks, priorImpressions / ExaminationScale, priorClicks);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<AffinityScores> GetAffinitiesAsync(string viewerId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var values = await ReadHashAsync(Viewer(viewerId), cancellationToken);
        if (values.Count == 0 || !values.TryGetValue(AffinityDecay.TimeField, out var stamp))
        {
            return AffinityScores.None;
        }

        var factor = AffinityDecay.Factor(ParseDouble(stamp), now.ToUnixTimeMilliseconds() / 1000.0, Options.AffinityHalfLife.TotalSeconds);
        var categories = new Dictionary<string, double>(StringComparer.Ordinal);
        var sellers = new Dictionary<string, double>(StringComparer.Ordinal);
        var products = new Dictionary<string, double>(StringComparer.Ordinal);
        var productLooks = new Dictionary<string, double>(StringComparer.Ordinal);
        var productOpens = new Dictionary<string, double>(StringComparer.Ordinal);
        var categoryLooks = new Dictionary<string, double>(StringComparer.Ordinal);
        var categoryOpens = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (field, value) in values)
        {
            if (field.Length < 3 || field[1] != Separator)
            {
                continue;
            }

            var score = ParseDouble(value) * factor;
            if (score < Options.AffinityFloor)
            {
                continue;
            }

            var target = field[0] switch
            {
                'c' => categories,
                's' => sellers,
                'p' => products,
                'e' => productLooks,
                'o' => productOpens,
                'f' => categoryLooks,
                'g' => categoryOpens,
                _ => null,
            };
            target?.TryAdd(field[2..], score);
        }

        return new AffinityScores(categories, sellers, products)
        {
            ProductLooks = productLooks,
            ProductOpens = productOpens,
            CategoryLooks = categoryLooks,
            CategoryOpens = categoryOpens,
        };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastPinnedAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var values = await ReadHashAsync(StreamPins(streamId), cancellationToken);
        return values.ToDictionary(v => v.Key, v => DateTimeOffset.FromUnixTimeMilliseconds(ParseLong(v.Value)), StringComparer.Ordinal);
    }

    /// <summary>Reads a whole hash; an empty one when the key does not exist (or expired).</summary>
    /// <param name="key">The logical key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Field to value, as text.</returns>
    protected abstract Task<IReadOnlyDictionary<string, string>> ReadHashAsync(string key, CancellationToken cancellationToken);

    /// <summary>Reads the same integer fields of several hashes; missing fields are 0.</summary>
    /// <param name="keys">The logical keys.</param>
    /// <param name="fields">The fields.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per key, one value per field.</returns>
    protected abstract Task<long[][]> ReadFieldsAsync(IReadOnlyList<string> keys, IReadOnlyList<string> fields, CancellationToken cancellationToken);

    /// <summary>Counts the members of a unique set.</summary>
    /// <param name="key">The logical key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count.</returns>
    protected abstract Task<long> CountUniqueAsync(string key, CancellationToken cancellationToken);

    /// <summary>Parses a stored integer; 0 when it is not one.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The value.</returns>
    protected static long ParseLong(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;

    /// <summary>Parses a stored number; 0 when it is not one.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The value.</returns>
    protected static double ParseDouble(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static long Long(IReadOnlyDictionary<string, string> values, string field) =>
        values.TryGetValue(field, out var value) ? ParseLong(value) : 0;

    private static ProductFigures FiguresOf(string productId, IReadOnlyDictionary<string, string> counters)
    {
        if (counters.Count == 0)
        {
            return ProductFigures.Zero(productId);
        }

        var revenue = new Dictionary<string, long>(StringComparer.Ordinal);
        var prefix = Revenue + Separator;
        var shown = new long[MaxCountedPosition];
        var opened = new long[MaxCountedPosition];
        var positions = 0;
        foreach (var (field, value) in counters)
        {
            if (field.StartsWith(prefix, StringComparison.Ordinal))
            {
                revenue[field[prefix.Length..]] = ParseLong(value);
            }
            else if (field.Length > 2 && field[0] == 'p' && field[1] is 'i' or 'c'
                && int.TryParse(field.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position is >= 1 and <= MaxCountedPosition)
            {
                (field[1] == 'i' ? shown : opened)[position - 1] = ParseLong(value);
                positions = Math.Max(positions, position);
            }
        }

        return new ProductFigures(
            productId, Long(counters, Impressions), Long(counters, Clicks), Long(counters, AddToCarts), Long(counters, Purchases), revenue)
        {
            Examination = Long(counters, Examination) / ExaminationScale,
            ListClicks = Long(counters, ListClicks),
            CartActions = Long(counters, CartActions),
            PurchaseActions = Long(counters, PurchaseActions),
            PositionImpressions = shown[..positions],
            PositionClicks = opened[..positions],
        };
    }
}
