using System.Collections.Concurrent;
using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Orders;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Grains.Carts;
using LiveCommerce.Tests.Grains;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LiveCommerce.Tests.Model;

/// <summary>
/// One randomized sequence against the grains and the <see cref="CommerceModel"/> side by side: each step is made on
/// both, then every product, offer, cart and confirmed order of the run is compared; at the end, once every hold has
/// lapsed or been bought, the invariants of contract v2 are checked on what the grains answer.
/// </summary>
public sealed class CommerceRun
{
    /// <summary>Viewers per run.</summary>
    public const int ViewerCount = 3;

    private static readonly TimeSpan HoldFor = TimeSpan.FromSeconds(ModelClusterFixture.HoldSeconds);
    private readonly IGrainFactory _grains;
    private readonly FakeTimeProvider _time;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly string _creator;
    private readonly CommerceModel _model;
    private readonly Dictionary<(int Viewer, string Key), Order> _answered = [];
    private readonly List<string> _log = [];
    private readonly List<string>[] _confirmed = [.. Enumerable.Range(0, ViewerCount).Select(_ => new List<string>())];
    private int _keys;

    private CommerceRun(IGrainFactory grains, FakeTimeProvider time)
    {
        _grains = grains;
        _time = time;
        _creator = "creator-" + _run;
        _model = new CommerceModel([.. Enumerable.Range(0, ViewerCount).Select(v => $"v{v}-{_run}")], time.GetUtcNow());
    }

    /// <summary>How often each outcome happened, over every run of the process (printed by the test: what the sequences reached).</summary>
    public static ConcurrentDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="steps"/> on fresh products <paramref name="stocks"/>, a live stream and three viewers.</summary>
    /// <exception cref="ModelViolation">The grains and the model disagree, or an invariant does not hold.</exception>
    public static async Task RunAsync(IGrainFactory grains, FakeTimeProvider time, IReadOnlyList<int> stocks, IReadOnlyList<ModelStep> steps)
    {
        var run = new CommerceRun(grains, time);
        var at = "setup";
        try
        {
            foreach (var stock in stocks)
            {
                await run.CreateProductAsync(stock);
            }

            await run.CreateStreamAsync();
            await run.StartStreamAsync(0);
            await run.CompareAsync(full: true);
            for (var i = 0; i < steps.Count; i++)
            {
                at = $"step {i} {steps[i]}";
                await run.StepAsync(steps[i]);

                // Products, offers and carts after every step; orders, order lists and snapshots after the steps that
                // can change them, and every fourth step.
                await run.CompareAsync(full: steps[i].Op is "checkout" or "advance" or "offer" or "cancel" or "end" or "start" || i % 4 == 3);
            }

            at = "the end (every hold lapsed or bought)";
            await run.AdvanceAsync(TimeSpan.FromHours(2));
            await run.CheckInvariantsAsync();
        }
        catch (Exception error) when (error is not ModelViolation)
        {
            throw new ModelViolation($"{at}: {error.GetType().Name}: {error.Message}{Environment.NewLine}{string.Join(Environment.NewLine, run._log)}", error);
        }
        catch (ModelViolation violation)
        {
            throw new ModelViolation($"{at}: {violation.Message}{Environment.NewLine}what the steps did:{Environment.NewLine}{string.Join(Environment.NewLine, run._log)}", violation);
        }
    }

    /// <summary>Picks mostly among the latest few (the running offers, the live stream), sometimes any.</summary>
    private static int Recent(int count, int pick) => pick < 6 ? count - 1 - (pick % Math.Min(3, count)) : pick % count;

    private ICartGrain Cart(int v) => _grains.GetGrain<ICartGrain>(_model.Viewers[v]);

    private ILiveStreamGrain Stream(int s) => _grains.GetGrain<ILiveStreamGrain>(_model.Streams[s].Id);

    private async Task StepAsync(ModelStep step)
    {
        var viewers = _model.Viewers.Count;
        switch (step.Op)
        {
            case "claim" when _model.Offers.Count > 0:
                await ClaimAsync(step.A % viewers, Recent(_model.Offers.Count, step.B));
                break;
            case "release":
                await ReleaseAsync(step.A % viewers, step.B);
                break;
            case "add":
                await AddItemAsync(step.A % viewers, step.B % _model.Products.Count, step.C);
                break;
            case "set":
                await SetQuantityAsync(step.A % viewers, step.B % _model.Products.Count, step.C);
                break;
            case "checkout":
                await CheckoutAsync(step.A % viewers, step.B, step.C);
                break;
            case "advance":
                await AdvanceAsync(TimeSpan.FromSeconds(step.A));
                break;
            case "offer":
                await CreateOfferAsync(Recent(_model.Streams.Count, step.A), step.B % _model.Products.Count, step.C, step.D);
                break;
            case "cancel" when _model.Offers.Count > 0:
                await CancelOfferAsync(step.A % _model.Offers.Count);
                break;
            case "stream":
                await CreateStreamAsync();
                if (step.A % 2 == 0)
                {
                    await StartStreamAsync(_model.Streams.Count - 1);
                }

                break;
            case "start":
                await StartStreamAsync(step.A % _model.Streams.Count);
                break;
            case "end":
                await EndStreamAsync(step.A % _model.Streams.Count);
                break;
            case "product":
                await CreateProductAsync(step.A);
                break;
            default:
                _log.Add($"{step}: nothing to do");
                break;
        }
    }

    private async Task CreateProductAsync(int stock)
    {
        var index = _model.Products.Count;
        var price = 10_000L * (index + 1);
        var product = await _grains.GetGrain<ISellerCatalogGrain>(_creator).CreateProductAsync(Catalog.Product(name: $"P{index}", price: price, stock: stock));
        _model.Products.Add(new ModelProduct { Id = product.Id, Created = stock, Price = price });
        Expect(product.CreatedAt == _time.GetUtcNow(), $"the grains do not run on the test's clock: created at {product.CreatedAt}, now {_time.GetUtcNow()}");
        _log.Add($"product P{index} stock {stock}");
    }

    private async Task CreateStreamAsync()
    {
        var index = _model.Streams.Count;
        var id = $"s{index}-{_run}";
        var products = Enumerable.Range(0, _model.Products.Count).ToList();
        await _grains.GetGrain<ILiveStreamGrain>(id).CreateAsync(_creator, $"Stream {index}", [.. products.Select(p => _model.Products[p].Id)], null);
        _model.Streams.Add(new ModelStream { Id = id, Products = products });
        _log.Add($"stream S{index} lists P{string.Join(",P", products)}");
    }

    private async Task StartStreamAsync(int s)
    {
        var stream = _model.Streams[s];
        var refused = await RefusedAsync(() => Stream(s).StartAsync(_creator));
        Expect(refused == (stream.Status == "ended"), $"start of S{s} ({stream.Status}) was {(refused ? "refused" : "accepted")}");
        if (stream.Status == "scheduled")
        {
            stream.Status = "live";
        }

        _log.Add($"start S{s}: {stream.Status}");
    }

    private async Task EndStreamAsync(int s)
    {
        await Stream(s).EndAsync(_creator);
        _model.EndStream(s);
        _log.Add($"end S{s}");
    }

    private async Task CreateOfferAsync(int s, int p, int quantity, int limit)
    {
        var duration = 10 * (1 + ((p + quantity + limit) % 6));
        var price = _model.Products[p].Price / 2;
        var expected = _model.CanStartOffer(s, p, quantity);
        Offer? offer = null;
        var refused = await RefusedAsync(async () => offer = await Stream(s).CreateOfferAsync(_creator, new CreateOfferRequest
        {
            ProductId = _model.Products[p].Id,
            Price = new Money(price, "IDR"),
            Quantity = quantity,
            DurationSeconds = duration,
            PerViewerLimit = limit,
        }));
        Expect(refused != expected, $"an offer of {quantity} of P{p} (stock {_model.InventoryOf(p).Stock}) in S{s} ({_model.Streams[s].Status}) was {(refused ? "refused" : "started")}");
        if (offer is not null)
        {
            var endsAt = _model.Now.AddSeconds(duration);
            Expect(offer.EndsAt == endsAt, $"the offer ends at {offer.EndsAt}, expected {endsAt}");
            _model.Offers.Add(new ModelOffer(offer.Id, s, p, price, new OfferModel(quantity, limit, endsAt)));
        }

        Count(offer is null ? "offer refused" : "offer started");
        _log.Add($"offer of {quantity} of P{p} in S{s}, limit {limit}, {duration} s: {(offer is null ? "refused" : $"O{_model.Offers.Count - 1}")}");
    }

    private async Task CancelOfferAsync(int k)
    {
        var offer = _model.Offers[k];
        await Stream(offer.Stream).CancelOfferAsync(_creator, offer.Id);
        offer.Units.End("cancelled");
        _log.Add($"cancel O{k}");
    }

    private async Task ClaimAsync(int v, int k)
    {
        var offer = _model.Offers[k];
        var (status, hold) = _model.Claim(v, k, HoldFor);
        var grain = _grains.GetGrain<IFlashOfferGrain>(offer.Id);
        var claim = await grain.ClaimAsync(_model.Viewers[v], _model.Streams[offer.Stream].Id);
        var actual = offer.Units.Phase == "aborted" ? ClaimStatus.NotFound : claim.Result.Status;
        Expect(actual == status, $"V{v} claimed O{k}: {claim.Result.Status}, model {status}");
        if (claim.Line is { } line)
        {
            // As the hub does: the held unit goes into the cart.
            await _grains.GetGrain<ICartGrain>(_model.Viewers[v]).AddHoldAsync(line);
            hold!.Id = line.ReservationId!;
            Expect(line.ExpiresAt == hold.ExpiresAt, $"the hold lapses at {line.ExpiresAt}, expected {hold.ExpiresAt}");
            _model.AddHoldLine(v, k, hold);
        }

        Count("claim " + claim.Result.Status);
        _log.Add($"V{v} claims O{k}: {claim.Result.Status}{(claim.Line is null ? "" : " " + Short(claim.Line.ReservationId))}");
    }

    private async Task ReleaseAsync(int v, int pick)
    {
        // Even picks: a hold line of the cart; odd: any hold the viewer ever had (lapsed, bought and released ones too).
        var holds = pick % 2 == 0
            ? [.. _model.Carts[v].Where(l => l.ReservationId is not null).Select(l => l.ReservationId!)]
            : _model.Offers.SelectMany(o => o.Units.Holds).Where(h => h.Viewer == _model.Viewers[v]).Select(h => h.Id).ToList();
        var id = holds.Count == 0 ? "no-such-hold" : holds[pick / 2 % holds.Count];
        var released = _model.ReleaseHold(v, id);
        await Cart(v).ReleaseHoldAsync(id);
        Count(released ? "release of a held unit" : "release of nothing held");
        _log.Add($"V{v} releases {Short(id)}: {(released ? "released" : "nothing to release")}");
    }

    private async Task AddItemAsync(int v, int p, int quantity)
    {
        var expected = _model.AddItem(v, p, quantity);
        var refused = await RefusedAsync(() => Cart(v).AddItemAsync(_model.Streams[0].Id, _model.Products[p].Id, quantity));
        Expect(refused != expected, $"V{v} adding {quantity} of P{p} was {(refused ? "refused" : "accepted")}");
        Count(refused ? "add refused" : "add");
        _log.Add($"V{v} adds {quantity} of P{p}: {(refused ? "refused" : "ok")}");
    }

    private async Task SetQuantityAsync(int v, int p, int quantity)
    {
        var expected = _model.SetQuantity(v, p, quantity);
        var refused = await RefusedAsync(() => Cart(v).SetQuantityAsync(_model.Products[p].Id, quantity));
        Expect(refused != expected, $"V{v} setting P{p} to {quantity} was {(refused ? "refused" : "accepted")}");
        Count(refused ? "set refused" : quantity == 0 ? "set 0" : "set");
        _log.Add($"V{v} sets P{p} to {quantity}: {(refused ? "refused" : "ok")}");
    }

    private async Task CheckoutAsync(int v, int choice, int pick)
    {
        var keys = _model.Keys[v];
        var key = choice switch
        {
            2 when keys.Count > 0 => keys[^1],
            3 when keys.Count > 0 => keys[pick % keys.Count],
            _ => $"key-{_keys++}",
        };
        var repeat = keys.Contains(key);
        var retry = repeat && !_model.Orders.ContainsKey((v, key));
        var expected = _model.Checkout(v, key);
        Order? order = null;
        var refused = await RefusedAsync(async () => order = await Cart(v).CheckoutAsync(key));
        Expect(refused == (expected is null), $"V{v} checkout {key} was {(refused ? "refused" : "confirmed")}; the model expected {(expected is null ? "a refusal" : Show(expected))}");
        if (order is not null)
        {
            Expect(order.Id == CartGrain.OrderIdOf(_model.Viewers[v], key), $"order {order.Id} is not the order of key {key}");
            Expect(order.Status == OrderStatus.Confirmed, $"order {order.Id} is {order.Status}");
            Expect(Same(order.Items, expected!), $"V{v} checkout {key} confirmed {Show(order.Items)}, expected {Show(expected!)}");
            Expect(order.Total.Amount == expected!.Sum(l => l.UnitPrice * l.Quantity), $"order total {order.Total.Amount}");
            if (_answered.TryGetValue((v, key), out var first))
            {
                Expect(first.CreatedAt == order.CreatedAt && Same(first.Items, order.Items), $"key {key} answered a different order than before");
            }

            if (!_answered.ContainsKey((v, key)))
            {
                _confirmed[v].Add(key);
            }

            _answered[(v, key)] = order;
        }

        Count(order is null ? (retry ? "checkout retried, refused again" : "checkout refused")
            : !retry && repeat ? "checkout repeated: the same order"
            : retry ? "checkout retried after a refusal: confirmed" : "checkout confirmed");
        if (order is not null && !repeat && order.Items.Any(i => i.OfferId is not null))
        {
            Count("checkout confirmed with held units");
        }

        _log.Add($"V{v} checks out {(repeat ? "again with " : "")}{key}: {(order is null ? "refused" : Show(order.Items))}");
    }

    private async Task AdvanceAsync(TimeSpan by)
    {
        var lapsed = _model.Offers.Sum(o => o.Units.Holds.Count(h => h.Status == "lapsed"));
        _time.Advance(by);
        _model.Advance(by);
        Count("holds lapsed by time", _model.Offers.Sum(o => o.Units.Holds.Count(h => h.Status == "lapsed")) - lapsed);
        _log.Add($"time +{by.TotalSeconds} s");
        await SettleAsync();
    }

    /// <summary>
    /// Makes every offer process what is due, then waits until the offers and products show it. A call to an offer
    /// sets its timer for the next due moment (now, when something is due, plus 5 ms); grain timers run on the silo's
    /// <see cref="TimeProvider"/>, the fake clock, so the clock then moves on 10 ms (the model too) to fire them. The
    /// timer's work runs in the grain after the clock moved, so this is the one place the test polls.
    /// </summary>
    private async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var tick = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            foreach (var offer in _model.Offers)
            {
                await _grains.GetGrain<IFlashOfferGrain>(offer.Id).ReleaseHoldAsync("settle-probe", "nobody");
            }

            _time.Advance(tick);
            _model.Advance(tick);
            await Task.Delay(10);
            var pending = await DifferencesAsync(carts: false);
            if (pending.Count == 0)
            {
                return;
            }

            Expect(DateTime.UtcNow < deadline, $"what was due was not processed within 10 s: {string.Join("; ", pending)}");
        }
    }

    private async Task CompareAsync(bool full)
    {
        var differences = await DifferencesAsync(carts: true);
        Expect(differences.Count == 0, string.Join("; ", differences));
        if (!full)
        {
            return;
        }

        foreach (var ((v, key), lines) in _model.Orders)
        {
            var order = await _grains.GetGrain<IOrderGrain>(CartGrain.OrderIdOf(_model.Viewers[v], key)).GetAsync();
            Expect(order is not null, $"the confirmed order of V{v} {key} is lost");
            Expect(Same(order!.Items, lines), $"the order of V{v} {key} now has {Show(order.Items)}, it confirmed {Show(lines)}");
        }

        for (var v = 0; v < _model.Viewers.Count; v++)
        {
            foreach (var key in _model.Keys[v].Where(k => !_model.Orders.ContainsKey((v, k))))
            {
                var order = await _grains.GetGrain<IOrderGrain>(CartGrain.OrderIdOf(_model.Viewers[v], key)).GetAsync();
                Expect(order is null, $"a refused checkout of V{v} {key} left an order");
            }

            // The buyer's order list: every confirmed order once, newest first.
            var page = await Cart(v).GetOrdersAsync(1, 100);
            var expected = _confirmed[v].AsEnumerable().Reverse().Select(k => CartGrain.OrderIdOf(_model.Viewers[v], k)).ToList();
            Expect(page.Total == expected.Count && page.Items.Select(o => o.Id).SequenceEqual(expected), $"V{v}'s orders are [{string.Join(", ", page.Items.Select(o => o.IdempotencyKey))}], expected [{string.Join(", ", _confirmed[v].AsEnumerable().Reverse())}]");
        }

        // What a joining viewer sees: the stream's running offers with their units.
        for (var s = 0; s < _model.Streams.Count; s++)
        {
            var snapshot = await Stream(s).GetSnapshotAsync();
            var shown = snapshot.Offers.Select(o => $"{o.Id}:{o.Remaining}").Order(StringComparer.Ordinal);
            var running = _model.Offers.Where(o => o.Stream == s && o.Units.Active).Select(o => $"{o.Id}:{o.Units.Remaining}").Order(StringComparer.Ordinal);
            Expect(snapshot.Status == _model.Streams[s].Status, $"S{s} is {snapshot.Status}, model {_model.Streams[s].Status}");
            Expect(shown.SequenceEqual(running), $"S{s}'s snapshot shows offers [{string.Join(", ", shown)}], model [{string.Join(", ", running)}]");
        }

    }

    private async Task<List<string>> DifferencesAsync(bool carts)
    {
        var differences = new List<string>();
        for (var p = 0; p < _model.Products.Count; p++)
        {
            var actual = await _grains.GetGrain<IProductGrain>(_model.Products[p].Id).GetInventoryAsync();
            var expected = _model.InventoryOf(p);
            if (actual != expected)
            {
                differences.Add($"P{p} {Show(actual)}, model {Show(expected)}");
            }
        }

        for (var k = 0; k < _model.Offers.Count; k++)
        {
            var offer = _model.Offers[k];
            var units = offer.Units;
            if (units.Phase == "aborted")
            {
                continue;
            }

            var actual = await _grains.GetGrain<IFlashOfferGrain>(offer.Id).GetUnitsAsync();
            var expected = new OfferUnits(_model.Products[offer.Product].Id, units.Active, units.Active ? units.Remaining : 0, units.Held, units.Sold);
            if (actual != expected)
            {
                differences.Add($"O{k} active {actual.Active} remaining {actual.Remaining} held {actual.Held} sold {actual.Sold}, model active {expected.Active} remaining {expected.Remaining} held {expected.Held} sold {expected.Sold}");
            }
        }

        for (var v = 0; carts && v < _model.Viewers.Count; v++)
        {
            var cart = await Cart(v).GetAsync();
            if (!Same(cart.Items, _model.Carts[v]))
            {
                differences.Add($"V{v}'s cart {Show(cart.Items)}, model {Show(_model.Carts[v])}");
            }

            var total = _model.Carts[v].Sum(l => l.UnitPrice * l.Quantity);
            if (cart.Total.Amount != total)
            {
                differences.Add($"V{v}'s cart total {cart.Total.Amount}, model {total}");
            }
        }

        return differences;
    }

    private async Task CheckInvariantsAsync()
    {
        await CompareAsync(full: true);
        var orders = new List<Order>();
        foreach (var (v, key) in _model.Orders.Keys)
        {
            orders.Add((await _grains.GetGrain<IOrderGrain>(CartGrain.OrderIdOf(_model.Viewers[v], key)).GetAsync())!);
        }

        for (var k = 0; k < _model.Offers.Count; k++)
        {
            var units = _model.Offers[k].Units.Phase == "aborted" ? null : await _grains.GetGrain<IFlashOfferGrain>(_model.Offers[k].Id).GetUnitsAsync();
            Expect(units is null or { Active: false, Held: 0 }, $"O{k} still runs or holds units at the end: {units}");
        }

        // Every viewer gets each start and end, and the last OfferUpdated of an ended offer is 0.
        for (var k = 0; k < _model.Offers.Count; k++)
        {
            var offer = _model.Offers[k];
            var events = RecordingNotifier.SentTo(_model.Streams[offer.Stream].Id);
            var started = events.Count(e => e is { EventName: HubEvents.OfferStarted, Payload: Offer o } && o.Id == offer.Id);
            var ended = events.Where(e => e.EventName == HubEvents.OfferEnded).Select(e => (OfferEnded)e.Payload).Where(e => e.OfferId == offer.Id).ToList();
            var last = events.Where(e => e.EventName == HubEvents.OfferUpdated).Select(e => (OfferUpdated)e.Payload).LastOrDefault(u => u.OfferId == offer.Id);
            Expect(started == 1, $"O{k}: OfferStarted sent {started} times");
            Expect(ended.Count == 1 && ended[0].Reason == offer.Units.EndReason, $"O{k}: OfferEnded [{string.Join(", ", ended.Select(e => e.Reason))}], model {offer.Units.EndReason}");
            Expect(last?.Remaining == 0, $"O{k}: the last OfferUpdated says {last?.Remaining.ToString() ?? "nothing"}, not 0");
        }

        for (var p = 0; p < _model.Products.Count; p++)
        {
            var product = _model.Products[p];
            var inventory = await _grains.GetGrain<IProductGrain>(product.Id).GetInventoryAsync();
            var ordered = orders.SelectMany(o => o.Items).Where(i => i.ProductId == product.Id).Sum(i => i.Quantity);
            Expect(inventory.Stock + ordered == product.Created, $"P{p}: stock {inventory.Stock} + {ordered} units in confirmed orders is not the {product.Created} it was created with");
            Expect(inventory.Sold == ordered, $"P{p}: {inventory.Sold} sold, {ordered} units in confirmed orders");
            Expect(inventory.InOffers == 0, $"P{p}: {inventory.InOffers} units still lent to offers");
        }
    }

    private static void Count(string outcome, int times = 1)
    {
        if (times > 0)
        {
            Outcomes.AddOrUpdate(outcome, times, (_, n) => n + times);
        }
    }

    private static async Task<bool> RefusedAsync(Func<Task> call)
    {
        try
        {
            await call();
            return false;
        }
        catch (LiveCommerceException)
        {
            return true;
        }
    }

    private static void Expect(bool condition, string violation)
    {
        if (!condition)
        {
            throw new ModelViolation(violation);
        }
    }

    private bool Same(IReadOnlyList<CartItem> items, IReadOnlyList<ModelLine> lines) =>
        items.Select(Key).SequenceEqual(lines.Select(Key));

    private static bool Same(IReadOnlyList<CartItem> a, IReadOnlyList<CartItem> b) => a.Select(Key).SequenceEqual(b.Select(Key));

    private static string Key(CartItem i) => $"{i.ProductId}/{i.OfferId}/{i.ReservationId}x{i.Quantity}@{i.UnitPrice.Amount}{i.UnitPrice.Currency}";

    private string Key(ModelLine l) =>
        $"{_model.Products[l.Product].Id}/{(l.Offer is { } k ? _model.Offers[k].Id : null)}/{l.ReservationId}x{l.Quantity}@{l.UnitPrice}IDR";

    private string Show(IEnumerable<CartItem> items) =>
        "[" + string.Join(", ", items.Select(i => $"{Name(i.ProductId)}{(i.OfferId is null ? "" : " " + Short(i.ReservationId))} x{i.Quantity}")) + "]";

    private string Show(IEnumerable<ModelLine> lines) =>
        "[" + string.Join(", ", lines.Select(l => $"P{l.Product}{(l.Offer is null ? "" : " " + Short(l.ReservationId))} x{l.Quantity}")) + "]";

    private static string Show(LiveCommerce.Contracts.Products.Inventory i) => $"stock {i.Stock} inOffers {i.InOffers} sold {i.Sold} of {i.Received}";

    private string Name(string productId) => "P" + _model.Products.FindIndex(p => p.Id == productId);

    private static string Short(string? id) => id is null ? "-" : "r:" + id[..Math.Min(4, id.Length)];
}
