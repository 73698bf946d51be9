using static LiveCommerce.Engagement.Storage.EngagementKeys;

namespace LiveCommerce.Engagement.Storage;

/// <summary>
/// A batch of events folded into the changes a store applies: counter increments per hash and field, members of
/// the unique-viewer sets, the audience change per stream, pin times, affinity weights and trend-key expiries.
/// Both stores apply the same batch, which is what gives them the same semantics. It carries a unique
/// <see cref="Id"/> so a store applies it once even when the pipeline retries it.
/// </summary>
public sealed class EngagementBatch
{
    private EngagementBatch(int eventCount)
    {
        EventCount = eventCount;
    }

    /// <summary>Unique id of the batch (the store's apply-once marker).</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Events folded into the batch.</summary>
    public int EventCount { get; }

    /// <summary>
    /// Counter increments: key, field, delta. Deltas are summed with <see cref="SaturatingCounter"/>: a sum beyond
    /// the 64-bit range (money of many huge orders) stops at the ceiling instead of overflowing.
    /// </summary>
    public Dictionary<string, Dictionary<string, long>> Counters { get; } = new(StringComparer.Ordinal);

    /// <summary>Members to add to unique-viewer sets, by key.</summary>
    public Dictionary<string, HashSet<string>> Uniques { get; } = new(StringComparer.Ordinal);

    /// <summary>Audience changes, by stream hash key.</summary>
    public Dictionary<string, AudienceChange> Audience { get; } = new(StringComparer.Ordinal);

    /// <summary>Values to store when higher than the stored one (pin times): key, field, value.</summary>
    public Dictionary<string, Dictionary<string, long>> Maxima { get; } = new(StringComparer.Ordinal);

    /// <summary>Affinity weights, by viewer key.</summary>
    public Dictionary<string, AffinityUpdate> Affinities { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys that expire (trend buckets), with their time to live.</summary>
    public Dictionary<string, TimeSpan> Expiries { get; } = new(StringComparer.Ordinal);

    /// <summary>Folds events into a batch.</summary>
    /// <param name="events">The events, in the order recorded.</param>
    /// <param name="options">Trend bucket and affinity weights.</param>
    /// <returns>The batch.</returns>
    public static EngagementBatch From(IReadOnlyList<EngagementEvent> events, EngagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var batch = new EngagementBatch(events.Count);
        var running = new Dictionary<string, (long Sum, long Max)>(StringComparer.Ordinal);
        var trendTtl = options.TrendBucket * (options.TrendRecentBuckets + options.TrendPriorBuckets + 1);
        foreach (var e in events)
        {
            if (string.IsNullOrEmpty(e.StreamId))
            {
                continue;
            }

            var stream = Stream(e.StreamId);
            var count = Math.Max(0, e.Count);
            switch (e.Kind)
            {
                case EngagementKind.Reaction:
                    batch.Add(stream, Reactions, count);
                    break;
                case EngagementKind.Comment:
                    batch.Add(stream, Comments, count);
                    break;
                case EngagementKind.Join:
                    batch.Add(stream, Joins, 1);
                    if (!string.IsNullOrEmpty(e.ViewerId))
                    {
                        batch.Unique(StreamViewers(e.StreamId), e.ViewerId);
                    }

                    Step(running, stream, +1);
                    break;
                case EngagementKind.Leave:
                    Step(running, stream, -1);
                    break;
                case EngagementKind.Impression or EngagementKind.Click or EngagementKind.AddToCart or EngagementKind.Purchase
                    when !string.IsNullOrEmpty(e.ProductId):
                    batch.AddProductEvent(e, count, options, trendTtl);
                    break;
            }
        }

        foreach (var (key, (sum, max)) in running)
        {
            batch.Audience[key] = new AudienceChange(sum, max);
        }

        return batch;
    }

    private static void Step(Dictionary<string, (long Sum, long Max)> running, string key, int step)
    {
        running.TryGetValue(key, out var current);
        var sum = current.Sum + step;
        running[key] = (sum, Math.Max(current.Max, sum));
    }

    private void AddProductEvent(in EngagementEvent e, long count, EngagementOptions options, TimeSpan trendTtl)
    {
        var productId = e.ProductId!;
        var streamProducts = StreamProducts(e.StreamId);
        var product = Product(productId);
        var kind = string.IsNullOrEmpty(e.SellerKind) ? UnknownKind : e.SellerKind;
        switch (e.Kind)
        {
            case EngagementKind.Impression:
                Add(streamProducts, Field(productId, Impressions), count);
                Add(product, Impressions, count);
                Add(StreamKinds(e.StreamId), Impressions + Separator + kind, count);
                if (e.Surface == EngagementSurface.List && ExaminationMicros(e.Examination) is > 0 and var micros)
                {
                    Add(streamProducts, Field(productId, Examination), micros);
                    Add(product, Examination, micros);
                    Add(StreamKinds(e.StreamId), Examination + Separator + kind, micros);
                    Add(streamProducts, Field(productId, PositionImpressions(e.Position)), 1);
                    AddTrend(productId, Examination, micros, e.Timestamp, options, trendTtl);
                    AddHistory(e, 'e', 'f', e.Examination);
                }

                if (e.Surface == EngagementSurface.Pin)
                {
                    Max(StreamPins(e.StreamId), productId, e.Timestamp.ToUnixTimeMilliseconds());
                }

                break;
            case EngagementKind.Click:
                Add(streamProducts, Field(productId, Clicks), count);
                Add(product, Clicks, count);
                Add(StreamKinds(e.StreamId), Clicks + Separator + kind, count);
                if (e.Surface == EngagementSurface.List)
                {
                    Add(streamProducts, Field(productId, ListClicks), count);
                    Add(product, ListClicks, count);
                    AddTrend(productId, ListClicks, count, e.Timestamp, options, trendTtl);
                    if (e.Position > 0)
                    {
                        Add(streamProducts, Field(productId, PositionClicks(e.Position)), count);
                    }

                    AddHistory(e, 'o', 'g', count);
                }

                AddAffinity(e, options.ClickWeight);
                break;
            case EngagementKind.AddToCart:
                Add(streamProducts, Field(productId, AddToCarts), count);
                Add(product, AddToCarts, count);
                Add(streamProducts, Field(productId, CartActions), 1);
                Add(product, CartActions, 1);
                AddAffinity(e, options.AddToCartWeight);
                break;
            case EngagementKind.Purchase:
                Add(streamProducts, Field(productId, Purchases), count);
                Add(product, Purchases, count);
                Add(streamProducts, Field(productId, PurchaseActions), 1);
                Add(product, PurchaseActions, 1);
                if (!string.IsNullOrEmpty(e.Currency) && e.RevenueMinor != 0)
                {
                    Add(streamProducts, Field(productId, RevenueOf(e.Currency)), e.RevenueMinor);
                    Add(product, RevenueOf(e.Currency), e.RevenueMinor);
                }

                AddAffinity(e, options.PurchaseWeight);
                break;
        }
    }

    private void AddTrend(string productId, string counter, long count, DateTimeOffset at, EngagementOptions options, TimeSpan ttl)
    {
        var key = Trend(BucketOf(at, options.TrendBucket));
        Add(key, Field(productId, counter), count);
        Expiries[key] = ttl;
    }

    private void AddAffinity(in EngagementEvent e, double weight)
    {
        if (e.Anonymous || string.IsNullOrEmpty(e.ViewerId) || weight <= 0)
        {
            return;
        }

        var update = AffinityOf(e);
        AddWeight(update, "p" + Separator + e.ProductId, weight);
        if (!string.IsNullOrEmpty(e.Category))
        {
            AddWeight(update, "c" + Separator + e.Category, weight);
        }

        if (!string.IsNullOrEmpty(e.SellerId))
        {
            AddWeight(update, "s" + Separator + e.SellerId, weight);
        }
    }

    /// <summary>Adds to the viewer's history of the product (<paramref name="productKind"/>) and of its category (<paramref name="categoryKind"/>).</summary>
    private void AddHistory(in EngagementEvent e, char productKind, char categoryKind, double weight)
    {
        if (e.Anonymous || string.IsNullOrEmpty(e.ViewerId) || !(weight > 0))
        {
            return;
        }

        var update = AffinityOf(e);
        AddWeight(update, productKind.ToString() + Separator + e.ProductId, weight);
        if (!string.IsNullOrEmpty(e.Category))
        {
            AddWeight(update, categoryKind.ToString() + Separator + e.Category, weight);
        }
    }

    private AffinityUpdate AffinityOf(in EngagementEvent e)
    {
        var key = Viewer(e.ViewerId!);
        if (!Affinities.TryGetValue(key, out var update))
        {
            update = new AffinityUpdate();
            Affinities[key] = update;
        }

        update.AtUnixSeconds = Math.Max(update.AtUnixSeconds, e.Timestamp.ToUnixTimeMilliseconds() / 1000.0);
        return update;
    }

    private static void AddWeight(AffinityUpdate update, string field, double weight) =>
        update.Weights[field] = update.Weights.GetValueOrDefault(field) + weight;

    private void Add(string key, string field, long delta)
    {
        if (delta == 0)
        {
            return;
        }

        if (!Counters.TryGetValue(key, out var fields))
        {
            fields = new Dictionary<string, long>(StringComparer.Ordinal);
            Counters[key] = fields;
        }

        fields[field] = SaturatingCounter.Add(fields.GetValueOrDefault(field), delta);
    }

    private void Unique(string key, string member)
    {
        if (!Uniques.TryGetValue(key, out var members))
        {
            members = new HashSet<string>(StringComparer.Ordinal);
            Uniques[key] = members;
        }

        members.Add(member);
    }

    private void Max(string key, string field, long value)
    {
        if (!Maxima.TryGetValue(key, out var fields))
        {
            fields = new Dictionary<string, long>(StringComparer.Ordinal);
            Maxima[key] = fields;
        }

        fields[field] = Math.Max(fields.GetValueOrDefault(field, long.MinValue), value);
    }
}
