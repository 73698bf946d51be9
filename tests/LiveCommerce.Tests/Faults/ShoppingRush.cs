using LiveCommerce.Client;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Tests.Faults;

/// <summary>
/// The workload of a fault run: buyers add to their carts, claim flash offers, change and release lines and check
/// out (retrying the same key on failure) while the creator starts and cancels offers, all from seeded choices.
/// </summary>
public sealed class ShoppingRush
{
    private readonly CommerceLedger _ledger;
    private readonly string _streamId;
    private readonly IReadOnlyList<Product> _products;
    private readonly Func<LiveApiClient> _creator;
    private readonly Random _random;
    private readonly List<string> _offers = [];
    private readonly Lock _gate = new();

    /// <summary>A rush on <paramref name="streamId"/>'s <paramref name="products"/>; <paramref name="creator"/> gives the stream's creator's API.</summary>
    public ShoppingRush(CommerceLedger ledger, string streamId, IReadOnlyList<Product> products, Func<LiveApiClient> creator, int seed)
    {
        _ledger = ledger;
        _streamId = streamId;
        _products = products;
        _creator = creator;
        _random = new Random(seed);
    }

    /// <summary>Every offer started so far.</summary>
    public IReadOnlyList<string> Offers
    {
        get
        {
            lock (_gate)
            {
                return [.. _offers];
            }
        }
    }

    /// <summary>How long a buyer waits for its connection to come back after a drop.</summary>
    public TimeSpan ReconnectWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checkout tries per key.</summary>
    public int CheckoutAttempts { get; init; } = 3;

    /// <summary>Runs <paramref name="steps"/> steps of every buyer at once, with the creator starting and cancelling offers until they are done.</summary>
    public async Task RunAsync(IReadOnlyList<FaultBuyer> buyers, int steps)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        using var done = new CancellationTokenSource();
        var creator = CreatorAsync(done.Token);
        await Task.WhenAll(buyers.Select(buyer => BuyerAsync(buyer, steps)));
        await done.CancelAsync();
        await creator;
    }

    /// <summary>Starts an offer; its id, or null when it was refused or failed.</summary>
    public async Task<string?> StartOfferAsync(Product product, int quantity, int seconds = 20, int limit = 2)
    {
        ArgumentNullException.ThrowIfNull(product);
        try
        {
            var offer = await _creator().CreateOfferAsync(_streamId, new CreateOfferRequest
            {
                ProductId = product.Id,
                Price = new Money(product.Price.Amount * 6 / 10, product.Price.Currency),
                Quantity = quantity,
                DurationSeconds = seconds,
                PerViewerLimit = limit,
            });
            lock (_gate)
            {
                _offers.Add(offer.Id);
            }

            return offer.Id;
        }
        catch (Exception error) when (error is LiveApiException or HttpRequestException or TaskCanceledException)
        {
            _ledger.Refused("offer: " + (error is LiveApiException api ? ((int)api.Status).ToString(System.Globalization.CultureInfo.InvariantCulture) : error.GetType().Name));
            return null;
        }
    }

    /// <summary>
    /// The clean end of a run: cancels every offer, lets every hold lapse and the stock settle (read as
    /// <paramref name="settleAs"/>, for up to <paramref name="settleTimeout"/>), checks the ledger through
    /// <paramref name="api"/> (again 10 s later when it finds violations) and reports the outcome through
    /// <paramref name="say"/>, with <paramref name="detail"/> (read after the check) among the counts; the violations.
    /// </summary>
    public async Task<IReadOnlyList<string>> SettleAndCheckAsync(
        LiveApiClient settleAs, Func<string, string[], LiveApiClient> api, TimeSpan holdPeriod, TimeSpan settleTimeout, Action<string> say, Func<string>? detail = null)
    {
        ArgumentNullException.ThrowIfNull(say);
        await CancelAllAsync();
        await _ledger.SettleAsync(settleAs, holdPeriod, settleTimeout);
        var violations = await _ledger.CheckAsync(api, TimeSpan.FromSeconds(10));
        say($"first check: {_ledger.FirstCheck.Count} violations; 10 s later: {violations.Count}");
        say(_ledger.Summary());
        say($"{Offers.Count} offers; {(detail is null ? string.Empty : detail() + "; ")}{violations.Count} violations");
        foreach (var violation in violations)
        {
            say("  " + violation);
        }

        return violations;
    }

    /// <summary>Cancels every offer (already ended ones too), trying each a few times; for the clean end of a run.</summary>
    public async Task CancelAllAsync()
    {
        foreach (var offerId in Offers)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                try
                {
                    await _creator().CancelOfferAsync(_streamId, offerId);
                    break;
                }
                catch (LiveApiException error) when ((int)error.Status is >= 400 and < 500)
                {
                    break;
                }
                catch (Exception error) when (error is LiveApiException or HttpRequestException or TaskCanceledException)
                {
                    await Task.Delay(300);
                }
            }
        }
    }

    private string? RandomOffer(Random random)
    {
        lock (_gate)
        {
            return _offers.Count == 0 ? null : _offers[Math.Max(0, _offers.Count - 1 - random.Next(3))];
        }
    }

    private async Task BuyerAsync(FaultBuyer buyer, int steps)
    {
        var random = buyer.Random;
        var keys = 0;
        for (var step = 0; step < steps; step++)
        {
            var product = _products[random.Next(_products.Count)];
            switch (random.Next(20))
            {
                case < 5:
                    if (RandomOffer(random) is { } offerId)
                    {
                        await buyer.ClaimAsync(_streamId, offerId, ReconnectWait);
                    }

                    break;
                case < 12:
                    await buyer.TryAsync(() => buyer.Client.AddToCartAsync(_streamId, product.Id, random.Next(1, 4)), ReconnectWait);
                    break;
                case < 17:
                    await buyer.CheckoutAsync($"{buyer.Id}-k{keys++}", CheckoutAttempts, ReconnectWait);
                    break;
                case < 19:
                    await buyer.TryAsync(() => buyer.Client.SetCartQuantityAsync(product.Id, random.Next(0, 3)), ReconnectWait);
                    break;
                default:
                    if (buyer.Reservations.Count > 0)
                    {
                        var reservation = buyer.Reservations[random.Next(buyer.Reservations.Count)];
                        await buyer.TryAsync(() => buyer.Client.ReleaseHoldAsync(reservation), ReconnectWait);
                    }

                    break;
            }

            await Task.Delay(random.Next(0, 40));
        }

        // Each buyer ends with a checkout of what is left in the cart.
        await buyer.CheckoutAsync($"{buyer.Id}-k{keys}", CheckoutAttempts, ReconnectWait);
    }

    private async Task CreatorAsync(CancellationToken done)
    {
        while (!done.IsCancellationRequested)
        {
            int action;
            Product product;
            int quantity;
            int limit;
            lock (_gate)
            {
                action = _random.Next(3);
                product = _products[_random.Next(_products.Count)];
                quantity = _random.Next(1, 5);
                limit = _random.Next(1, 3);
            }

            if (action < 2 || Offers.Count == 0)
            {
                await StartOfferAsync(product, quantity, seconds: 10 + quantity, limit: limit);
            }
            else if (RandomOffer(_random) is { } offerId)
            {
                try
                {
                    await _creator().CancelOfferAsync(_streamId, offerId);
                }
                catch (Exception error) when (error is LiveApiException or HttpRequestException or TaskCanceledException)
                {
                    _ledger.Refused("cancel: " + error.GetType().Name);
                }
            }

            try
            {
                await Task.Delay(250, done);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
