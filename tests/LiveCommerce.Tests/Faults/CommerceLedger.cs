using System.Collections.Concurrent;
using System.Globalization;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Commerce;

namespace LiveCommerce.Tests.Faults;

/// <summary>
/// What a fault run did, as its clients saw it: the products and the stock each was created with, the buyers, every
/// order a <c>Checkout</c> answered as confirmed (with its key) and every refusal. <see cref="CheckAsync(Func{string, string[], LiveApiClient})"/> then
/// checks contract v2 over HTTP: every answered order reads back, a key never confirms two different orders, and
/// for every product stock + units in confirmed orders = the stock it was created with.
/// </summary>
public sealed class CommerceLedger
{
    private readonly ConcurrentDictionary<string, int> _products = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _buyers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Buyer, string Key, Order Order, int Attempt)> _confirmed = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private long _checkoutCalls;

    /// <summary>Every order a checkout answered as confirmed.</summary>
    public IReadOnlyCollection<(string Buyer, string Key, Order Order, int Attempt)> Confirmed => _confirmed;

    /// <summary>Checkout calls made.</summary>
    public long CheckoutCalls => Interlocked.Read(ref _checkoutCalls);

    /// <summary>A product created with <paramref name="stock"/> units.</summary>
    public void Product(string productId, int stock) => _products[productId] = stock;

    /// <summary>A buyer whose orders are checked.</summary>
    public void Buyer(string buyerId) => _buyers[buyerId] = 0;

    /// <summary>A checkout call is about to be made.</summary>
    public void CheckoutCalled() => Interlocked.Increment(ref _checkoutCalls);

    /// <summary>A checkout of <paramref name="key"/> answered <paramref name="order"/> on try <paramref name="attempt"/> (1-based).</summary>
    public void Answered(string buyerId, string key, Order order, int attempt) => _confirmed.Enqueue((buyerId, key, order, attempt));

    /// <summary>A checkout (or another call) was refused with <paramref name="message"/>.</summary>
    public void Refused(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        const string Wrapped = "HubException: ";
        var at = message.IndexOf(Wrapped, StringComparison.Ordinal);
        var text = at < 0 ? message : message[(at + Wrapped.Length)..];
        var kind = text.Length > 70 ? text[..70] : text;
        _refusals.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    /// <summary>The refusals seen, by message, most frequent first.</summary>
    public string RefusalSummary() => string.Join("; ", _refusals.OrderByDescending(r => r.Value).Take(8).Select(r => $"{r.Value}× \"{r.Key}\""));

    /// <summary>
    /// Checks the invariants through <paramref name="api"/> (a client as a given user with given roles) and returns
    /// every violation, each with its numbers; empty when all hold.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync(Func<string, string[], LiveApiClient> api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var violations = new List<string>();
        var orders = new Dictionary<string, Order>(StringComparer.Ordinal);
        foreach (var buyer in _buyers.Keys.Order(StringComparer.Ordinal))
        {
            var client = api(buyer, ["viewer"]);
            for (var page = 1; ; page++)
            {
                var listed = await client.ListOrdersAsync(page, 100);
                foreach (var order in listed.Items)
                {
                    orders[order.Id] = order;
                }

                if (listed.Items.Count < 100)
                {
                    break;
                }
            }
        }

        // Every order a checkout answered as confirmed reads back, confirmed, with what was answered.
        var answeredIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (buyer, key, answered, attempt) in _confirmed)
        {
            if (!answeredIds.Add(answered.Id))
            {
                continue;
            }

            Order? read = null;
            try
            {
                read = await api(buyer, ["viewer"]).GetOrderAsync(answered.Id);
            }
            catch (LiveApiException error)
            {
                violations.Add($"lost order: checkout '{key}' of {buyer} answered order {answered.Id} as confirmed (try {attempt}, {Units(answered)}), but GET /api/orders/{answered.Id} answers {(int)error.Status} {error.Status}");
            }

            if (read is not null)
            {
                orders.TryAdd(read.Id, read);
                if (read.Status != OrderStatus.Confirmed)
                {
                    violations.Add($"order {answered.Id} answered as confirmed reads back as '{read.Status}'");
                }

                if (Units(read) != Units(answered))
                {
                    violations.Add($"order {answered.Id} answered with {Units(answered)} reads back with {Units(read)}");
                }
            }

            if (!orders.ContainsKey(answered.Id))
            {
                violations.Add($"order {answered.Id} answered as confirmed to {buyer} is missing from GET /api/orders");
            }
        }

        // The same key never confirms a different set of lines.
        foreach (var byKey in _confirmed.GroupBy(c => (c.Buyer, c.Key)))
        {
            var distinct = byKey.Select(c => c.Order.Id + " " + Units(c.Order)).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count > 1)
            {
                violations.Add($"key '{byKey.Key.Key}' of {byKey.Key.Buyer} confirmed {distinct.Count} different orders: {string.Join(" | ", distinct)}");
            }
        }

        // Conservation, per product.
        var anyone = api("fault-auditor", ["viewer"]);
        foreach (var (productId, created) in _products.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var stock = (await anyone.GetProductAsync(productId)).Stock;
            var sold = orders.Values.SelectMany(o => o.Items).Where(i => i.ProductId == productId).Sum(i => i.Quantity);
            if (sold > created)
            {
                violations.Add($"oversold: product {productId} was created with {created} units and confirmed orders hold {sold} (oversold by {sold - created}); stock now {stock}");
            }

            if (stock + sold != created)
            {
                violations.Add($"not conserved: product {productId}: stock {stock} + units in confirmed orders {sold} = {stock + sold}, created with {created} ({(stock + sold > created ? "+" : string.Empty)}{stock + sold - created})");
            }
        }

        return violations;
    }

    /// <summary>
    /// <see cref="CheckAsync(Func{string, string[], LiveApiClient})"/>, and when it finds violations, again after <paramref name="recheckAfter"/>, so units
    /// that were only slow to come back on a loaded machine are not reported; returns the second check's violations
    /// (those of the first are in <see cref="FirstCheck"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync(Func<string, string[], LiveApiClient> api, TimeSpan recheckAfter)
    {
        FirstCheck = await CheckAsync(api);
        if (FirstCheck.Count == 0)
        {
            return FirstCheck;
        }

        await Task.Delay(recheckAfter);
        return await CheckAsync(api);
    }

    /// <summary>The violations of the first check of <see cref="CheckAsync(Func{string, string[], LiveApiClient}, TimeSpan)"/>.</summary>
    public IReadOnlyList<string> FirstCheck { get; private set; } = [];

    /// <summary>Reads every product's stock, by id.</summary>
    public async Task<IReadOnlyDictionary<string, int>> StocksAsync(LiveApiClient api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var stocks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var productId in _products.Keys)
        {
            stocks[productId] = (await api.GetProductAsync(productId)).Stock;
        }

        return stocks;
    }

    /// <summary>
    /// Waits until every hold has had time to lapse (<paramref name="holdPeriod"/> and a margin), then until the stock
    /// of every product has stayed the same for a second, up to <paramref name="timeout"/>.
    /// </summary>
    public async Task SettleAsync(LiveApiClient api, TimeSpan holdPeriod, TimeSpan timeout)
    {
        await Task.Delay(holdPeriod + TimeSpan.FromSeconds(1.5));
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyDictionary<string, int>? last = null;
        while (DateTime.UtcNow < deadline)
        {
            IReadOnlyDictionary<string, int> now;
            try
            {
                now = await StocksAsync(api);
            }
            catch (Exception error) when (error is LiveApiException or HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(500);
                continue;
            }

            if (last is not null && now.All(s => last.TryGetValue(s.Key, out var before) && before == s.Value))
            {
                return;
            }

            last = now;
            await Task.Delay(1000);
        }
    }

    /// <summary>A one-line account of the run.</summary>
    public string Summary() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} products, {1} buyers, {2} checkout calls, {3} confirmed answers ({4} distinct orders, {5} confirmed on a retry); refusals: {6}",
        _products.Count, _buyers.Count, CheckoutCalls, _confirmed.Count, _confirmed.Select(c => c.Order.Id).Distinct(StringComparer.Ordinal).Count(),
        _confirmed.Count(c => c.Attempt > 1), RefusalSummary());

    private static string Units(Order order) => string.Join(
        ",",
        order.Items.GroupBy(i => i.ProductId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Sum(i => i.Quantity)}"));
}
