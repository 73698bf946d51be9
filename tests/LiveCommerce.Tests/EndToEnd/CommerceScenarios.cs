using System.Net;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>Flash offers, carts and checkout through real HTTP and hub clients; run in both modes.</summary>
public abstract class CommerceScenarios
{
    /// <summary>The host under test (hold period <see cref="CommerceEngineFixture.HoldPeriod"/>).</summary>
    protected abstract EngineHost Host { get; }

    private static CreateOfferRequest OfferOf(Product product, long price, int quantity, int seconds = 120, int? limit = null) => new()
    {
        ProductId = product.Id,
        Price = new Money(price, product.Price.Currency),
        Quantity = quantity,
        DurationSeconds = seconds,
        PerViewerLimit = limit,
    };

    private static string NewBuyer() => "buyer-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Starting_an_offer_moves_units_out_of_stock_tells_every_viewer_and_cancelling_returns_them()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        await using var viewer = await Host.ConnectViewerAsync(protocol: HubProtocol.MessagePack);
        var started = new Inbox<Offer>();
        var ended = new Inbox<OfferEnded>();
        viewer.OfferStarted += started.Add;
        viewer.OfferEnded += ended.Add;
        await viewer.JoinStreamAsync(stream.Id);

        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(products[0], 99_000, 4));
        Assert.Equal(OfferStatus.Active, offer.Status);
        Assert.Equal(4, offer.Remaining);
        Assert.Equal(products[0].Price, offer.OriginalPrice);
        Assert.Equal(1, offer.PerViewerLimit);
        Assert.Equal(offer.Id, (await started.WaitForAsync(o => o.Id == offer.Id)).Id);
        Assert.Equal(products[0].Stock - 4, (await creator.GetProductAsync(products[0].Id)).Stock);

        await using var late = await Host.ConnectViewerAsync();
        Assert.Equal(offer.Id, Assert.Single((await late.JoinStreamAsync(stream.Id)).Offers).Id);

        await creator.CancelOfferAsync(stream.Id, offer.Id);
        Assert.Equal(OfferEndReason.Cancelled, (await ended.WaitForAsync(e => e.OfferId == offer.Id)).Reason);
        Assert.Equal(products[0].Stock, (await creator.GetProductAsync(products[0].Id)).Stock);
        Assert.Empty((await creator.GetStreamAsync(stream.Id)).Offers);
    }

    [Fact]
    public async Task Invalid_offers_are_refused_with_the_right_status_and_change_nothing()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var product = products[0];
        var cases = new (CreateOfferRequest Request, HttpStatusCode Status)[]
        {
            (OfferOf(product, product.Price.Amount + 1, 1), HttpStatusCode.BadRequest),
            (OfferOf(product, 1000, 1) with { Price = new Money(1000, "USD") }, HttpStatusCode.BadRequest),
            (OfferOf(product, 1000, 1) with { Price = new Money(-5, "IDR") }, HttpStatusCode.BadRequest),
            (OfferOf(product, 1000, 1, seconds: 5), HttpStatusCode.BadRequest),
            (OfferOf(product, 1000, 1, seconds: 86_401), HttpStatusCode.BadRequest),
            (OfferOf(product, 1000, 1, limit: 0), HttpStatusCode.BadRequest),
            (OfferOf(product, 1000, 0), HttpStatusCode.BadRequest),
            (OfferOf(product, 1000, product.Stock + 1), HttpStatusCode.Conflict),
            (OfferOf(product, 1000, 1) with { ProductId = "missing" }, HttpStatusCode.BadRequest),
        };
        foreach (var (request, status) in cases)
        {
            var error = await Assert.ThrowsAsync<LiveApiException>(() => creator.CreateOfferAsync(stream.Id, request));
            Assert.Equal(status, error.Status);
        }

        var intruder = Host.Api("creator-" + Guid.NewGuid().ToString("N")[..8], "creator");
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<LiveApiException>(() => intruder.CreateOfferAsync(stream.Id, OfferOf(product, 1000, 1)))).Status);
        var (scheduled, scheduledProducts, owner) = await Catalog.LiveStreamAsync(Host, start: false);
        Assert.Equal(HttpStatusCode.Conflict, (await Assert.ThrowsAsync<LiveApiException>(() => owner.CreateOfferAsync(scheduled.Id, OfferOf(scheduledProducts[0], 1000, 1)))).Status);

        Assert.Equal(new Inventory(product.Stock, product.Stock, 0, 0), await Stock.OfAsync(Host, product.Id));
        Assert.Empty((await creator.GetStreamAsync(stream.Id)).Offers);
    }

    [Fact]
    public async Task A_claim_holds_a_unit_in_the_cart_at_the_offer_price_up_to_the_per_viewer_limit()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(products[0], 75_000, 5, limit: 2));
        await using var buyer = await Host.ConnectViewerAsync(NewBuyer());
        await using var anonymous = await Host.ConnectViewerAsync();
        await buyer.JoinStreamAsync(stream.Id);
        await anonymous.JoinStreamAsync(stream.Id);

        var first = await buyer.ClaimOfferAsync(stream.Id, offer.Id);
        Assert.Equal(ClaimStatus.Reserved, first.Status);
        Assert.NotNull(first.ReservationId);
        Assert.True(first.ExpiresAt > DateTimeOffset.UtcNow);
        Assert.Equal(ClaimStatus.Reserved, (await buyer.ClaimOfferAsync(stream.Id, offer.Id)).Status);
        var third = await buyer.ClaimOfferAsync(stream.Id, offer.Id);
        Assert.Equal(ClaimStatus.LimitReached, third.Status);
        Assert.Null(third.ReservationId);
        Assert.Equal(ClaimStatus.NotFound, (await buyer.ClaimOfferAsync(stream.Id, "missing")).Status);
        Assert.Contains("Sign in", (await Assert.ThrowsAsync<HubException>(() => anonymous.ClaimOfferAsync(stream.Id, offer.Id))).Message, StringComparison.Ordinal);

        var cart = await buyer.AddToCartAsync(stream.Id, products[1].Id, 2);
        Assert.Equal(3, cart.Items.Count);
        Assert.All(cart.Items.Where(i => i.OfferId == offer.Id), i => Assert.Equal(75_000, i.UnitPrice.Amount));
        Assert.Equal((2 * 75_000) + (2 * products[1].Price.Amount), cart.Total.Amount);
        Assert.Equal("IDR", cart.Total.Currency);

        var units = await Stock.OfOfferAsync(Host, offer.Id);
        Assert.Equal((3, 2, 0), (units.Remaining, units.Held, units.Sold));
    }

    [Fact]
    public async Task An_offer_ends_sold_out_as_soon_as_every_unit_is_held_and_every_viewer_ends_on_zero()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(products[0], 50_000, 3));
        var buyers = new List<(LiveViewerClient Client, Inbox<OfferUpdated> Updates, Inbox<OfferEnded> Ends)>();
        for (var i = 0; i < 6; i++)
        {
            var client = await Host.ConnectViewerAsync(NewBuyer(), i % 2 == 0 ? HubProtocol.Json : HubProtocol.MessagePack);
            var updates = new Inbox<OfferUpdated>();
            var ends = new Inbox<OfferEnded>();
            client.OfferUpdated += updates.Add;
            client.OfferEnded += ends.Add;
            await client.JoinStreamAsync(stream.Id);
            buyers.Add((client, updates, ends));
        }

        try
        {
            var results = await Task.WhenAll(buyers.Select(b => b.Client.ClaimOfferAsync(stream.Id, offer.Id)));
            Assert.Equal(3, results.Count(r => r.Status == ClaimStatus.Reserved));
            Assert.Equal(3, results.Count(r => r.Status == ClaimStatus.SoldOut));
            foreach (var buyer in buyers)
            {
                Assert.Equal(OfferEndReason.SoldOut, (await buyer.Ends.WaitForAsync(e => e.OfferId == offer.Id)).Reason);
                Assert.Equal(0, buyer.Updates.Items.Last(u => u.OfferId == offer.Id).Remaining);
            }

            Assert.Empty((await creator.GetStreamAsync(stream.Id)).Offers);
        }
        finally
        {
            await Task.WhenAll(buyers.Select(b => b.Client.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_hold_that_lapses_gives_its_unit_back_to_the_running_offer_and_leaves_the_cart()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(products[0], 60_000, 2));
        await using var buyer = await Host.ConnectViewerAsync(NewBuyer());
        var updates = new Inbox<OfferUpdated>();
        buyer.OfferUpdated += updates.Add;
        await buyer.JoinStreamAsync(stream.Id);

        Assert.Equal(ClaimStatus.Reserved, (await buyer.ClaimOfferAsync(stream.Id, offer.Id)).Status);
        await updates.WaitForAsync(u => u.OfferId == offer.Id && u.Remaining == 1);
        await updates.WaitForAsync(u => u.OfferId == offer.Id && u.Remaining == 2, TimeSpan.FromSeconds(20));

        var cart = await buyer.AddToCartAsync(stream.Id, products[1].Id, 1);
        Assert.DoesNotContain(cart.Items, i => i.OfferId == offer.Id);
        var units = await Stock.OfOfferAsync(Host, offer.Id);
        Assert.Equal((2, 0, 0), (units.Remaining, units.Held, units.Sold));
        Assert.Equal(ClaimStatus.Reserved, (await buyer.ClaimOfferAsync(stream.Id, offer.Id)).Status);
    }

    [Fact]
    public async Task A_hold_that_lapses_after_the_offer_ended_gives_its_unit_back_to_the_products_stock()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var product = products[0];
        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(product, 60_000, 1));
        await using var buyer = await Host.ConnectViewerAsync(NewBuyer());
        await buyer.JoinStreamAsync(stream.Id);

        Assert.Equal(ClaimStatus.Reserved, (await buyer.ClaimOfferAsync(stream.Id, offer.Id)).Status);
        Assert.Equal(new Inventory(product.Stock, product.Stock - 1, 1, 0), await Stock.OfAsync(Host, product.Id));
        await Stock.EventuallyAsync(async () => (await Stock.OfAsync(Host, product.Id)).Stock == product.Stock, 20, "the lapsed unit did not return to stock");
        Assert.Equal(new Inventory(product.Stock, product.Stock, 0, 0), await Stock.OfAsync(Host, product.Id));
    }

    [Fact]
    public async Task Checkout_buys_held_and_regular_lines_at_their_prices_and_the_buyer_finds_the_order()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(products[0], 80_000, 2));
        var buyerId = NewBuyer();
        await using var buyer = await Host.ConnectViewerAsync(buyerId);
        await buyer.JoinStreamAsync(stream.Id);
        await buyer.ClaimOfferAsync(stream.Id, offer.Id);
        await buyer.AddToCartAsync(stream.Id, products[1].Id, 2);

        var order = await buyer.CheckoutAsync("key-1");
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal(buyerId, order.BuyerId);
        Assert.Equal(80_000 + (2 * products[1].Price.Amount), order.Total.Amount);
        Assert.Equal(2, order.Items.Count);
        Assert.DoesNotContain((await buyer.AddToCartAsync(stream.Id, products[1].Id, 1)).Items, i => i.OfferId is not null);

        Assert.Equal(new Inventory(products[1].Stock, products[1].Stock - 2, 0, 2), await Stock.OfAsync(Host, products[1].Id));
        Assert.Equal(new Inventory(products[0].Stock, products[0].Stock - 2, 1, 1), await Stock.OfAsync(Host, products[0].Id));

        var api = Host.Api(buyerId, "viewer");
        Assert.Equal(order.Id, (await api.GetOrderAsync(order.Id)).Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<LiveApiException>(() => Host.Api(NewBuyer(), "viewer").GetOrderAsync(order.Id))).Status);
        Assert.Equal(order.Id, (await Host.Api("ops", "admin").GetOrderAsync(order.Id)).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<LiveApiException>(() => api.GetOrderAsync("missing"))).Status);

        var second = await buyer.CheckoutAsync("key-2");
        var page = await api.ListOrdersAsync(1, 1);
        Assert.Equal(2, page.Total);
        Assert.Equal(second.Id, Assert.Single(page.Items).Id);
        Assert.Equal(order.Id, Assert.Single((await api.ListOrdersAsync(2, 1)).Items).Id);
    }

    [Fact]
    public async Task The_same_idempotency_key_from_two_connections_at_once_gives_one_order_and_one_charge()
    {
        var (stream, products, _) = await Catalog.LiveStreamAsync(Host);
        var buyerId = NewBuyer();
        await using var phone = await Host.ConnectViewerAsync(buyerId);
        await using var laptop = await Host.ConnectViewerAsync(buyerId, HubProtocol.MessagePack);
        await phone.JoinStreamAsync(stream.Id);
        await laptop.JoinStreamAsync(stream.Id);
        await phone.AddToCartAsync(stream.Id, products[0].Id, 3);

        var orders = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? phone : laptop).CheckoutAsync("same-key")));
        Assert.Single(orders.Select(o => o.Id).Distinct());
        Assert.Equal(new Inventory(products[0].Stock, products[0].Stock - 3, 0, 3), await Stock.OfAsync(Host, products[0].Id));
        Assert.Equal(1, (await Host.Api(buyerId, "viewer").ListOrdersAsync()).Total);
    }

    [Fact]
    public async Task A_short_line_fails_the_whole_checkout_naming_it_and_nothing_changes()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(products[0], 70_000, 2));
        await using var slow = await Host.ConnectViewerAsync(NewBuyer());
        await using var fast = await Host.ConnectViewerAsync(NewBuyer());
        await slow.JoinStreamAsync(stream.Id);
        await fast.JoinStreamAsync(stream.Id);
        await slow.ClaimOfferAsync(stream.Id, offer.Id);
        await slow.AddToCartAsync(stream.Id, products[1].Id, 6);
        await fast.AddToCartAsync(stream.Id, products[1].Id, 5);
        await fast.CheckoutAsync("fast");

        var error = await Assert.ThrowsAsync<HubException>(() => slow.CheckoutAsync("slow"));
        Assert.Contains(products[1].Name, error.Message, StringComparison.Ordinal);
        Assert.Equal(new Inventory(products[1].Stock, products[1].Stock - 5, 0, 5), await Stock.OfAsync(Host, products[1].Id));
        var units = await Stock.OfOfferAsync(Host, offer.Id);
        Assert.Equal((1, 0), (units.Held, units.Sold));
        Assert.True(slow.IsConnected);

        var empty = await Assert.ThrowsAsync<HubException>(() => fast.CheckoutAsync("again"));
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_cart_calls_are_refused_with_a_HubException()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var usd = await creator.CreateProductAsync(Catalog.Product() with { Price = new Money(1999, "USD") });
        await creator.AddProductAsync(stream.Id, usd.Id);
        var (other, otherProducts, _) = await Catalog.LiveStreamAsync(Host);
        await using var buyer = await Host.ConnectViewerAsync(NewBuyer());
        await buyer.JoinStreamAsync(stream.Id);

        await Assert.ThrowsAsync<HubException>(() => buyer.AddToCartAsync(stream.Id, products[0].Id, 0));
        await Assert.ThrowsAsync<HubException>(() => buyer.AddToCartAsync(stream.Id, products[0].Id, 100));
        await Assert.ThrowsAsync<HubException>(() => buyer.AddToCartAsync(stream.Id, otherProducts[0].Id, 1));
        await Assert.ThrowsAsync<HubException>(() => buyer.AddToCartAsync(other.Id, otherProducts[0].Id, 1));
        await Assert.ThrowsAsync<HubException>(() => buyer.AddToCartAsync(stream.Id, products[0].Id, products[0].Stock + 1));
        await buyer.AddToCartAsync(stream.Id, products[0].Id, 1);
        var currency = await Assert.ThrowsAsync<HubException>(() => buyer.AddToCartAsync(stream.Id, usd.Id, 1));
        Assert.Contains("IDR", currency.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => buyer.CheckoutAsync(""));
        Assert.Single((await buyer.AddToCartAsync(stream.Id, products[0].Id, 1)).Items);
    }

    [Fact]
    public async Task An_offer_expires_at_its_end_time_and_gives_unclaimed_units_back()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(products[0], 10_000, 3, seconds: 10));
        await using var viewer = await Host.ConnectViewerAsync(NewBuyer());
        var ended = new Inbox<OfferEnded>();
        viewer.OfferEnded += ended.Add;
        await viewer.JoinStreamAsync(stream.Id);

        var end = await ended.WaitForAsync(e => e.OfferId == offer.Id, TimeSpan.FromSeconds(25));
        var at = DateTimeOffset.UtcNow;
        Assert.Equal(OfferEndReason.Expired, end.Reason);
        Assert.True(at >= offer.EndsAt.AddMilliseconds(-200), $"ended at {at:O}, before {offer.EndsAt:O}");
        Assert.Equal(ClaimStatus.Ended, (await viewer.ClaimOfferAsync(stream.Id, offer.Id)).Status);
        Assert.Equal(new Inventory(products[0].Stock, products[0].Stock, 0, 0), await Stock.OfAsync(Host, products[0].Id));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(29)]
    public async Task Units_are_conserved_through_random_claims_lapses_cancels_and_checkouts(int seed)
    {
        var random = new Random(seed);
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host, products: 0);
        var product = await creator.CreateProductAsync(Catalog.Product(stock: 40));
        await creator.AddProductAsync(stream.Id, product.Id);
        var buyers = new List<(string Id, LiveViewerClient Client)>();
        for (var i = 0; i < 6; i++)
        {
            var id = NewBuyer();
            var client = await Host.ConnectViewerAsync(id, i % 2 == 0 ? HubProtocol.Json : HubProtocol.MessagePack);
            await client.JoinStreamAsync(stream.Id);
            buyers.Add((id, client));
        }

        var offers = new List<string>();
        try
        {
            for (var step = 0; step < 60; step++)
            {
                var (buyerId, buyer) = buyers[random.Next(buyers.Count)];
                try
                {
                    switch (random.Next(6))
                    {
                        case 0:
                            offers.Add((await creator.CreateOfferAsync(stream.Id, OfferOf(product, 90_000, random.Next(1, 7), limit: random.Next(1, 3)))).Id);
                            break;
                        case 1 or 2 when offers.Count > 0:
                            await buyer.ClaimOfferAsync(stream.Id, offers[random.Next(offers.Count)]);
                            break;
                        case 3 when offers.Count > 0:
                            await creator.CancelOfferAsync(stream.Id, offers[random.Next(offers.Count)]);
                            break;
                        case 4:
                            await buyer.AddToCartAsync(stream.Id, product.Id, random.Next(1, 4));
                            break;
                        default:
                            await buyer.CheckoutAsync($"{buyerId}-{step}");
                            break;
                    }
                }
                catch (Exception refused) when (refused is HubException or LiveApiException)
                {
                    // Refusals (sold out, nothing in the cart, not enough stock) are part of the mix; they change nothing.
                }

                var inventory = await Stock.OfAsync(Host, product.Id);
                Assert.Equal(inventory.Received, inventory.Stock + inventory.InOffers + inventory.Sold);
                if (random.Next(8) == 0)
                {
                    await Task.Delay(random.Next(200, 1500));
                }
            }

            foreach (var offerId in offers)
            {
                await creator.CancelOfferAsync(stream.Id, offerId);
            }

            // Every hold lapses within the hold period; then each unit is in stock or sold, and what was sold is in orders.
            await Stock.EventuallyAsync(async () => (await Stock.OfAsync(Host, product.Id)).InOffers == 0, 20, "held units did not come back");
            var final = await Stock.OfAsync(Host, product.Id);
            var ordered = 0;
            foreach (var (buyerId, _) in buyers)
            {
                var page = await Host.Api(buyerId, "viewer").ListOrdersAsync(1, 100);
                ordered += page.Items.SelectMany(o => o.Items).Where(i => i.ProductId == product.Id).Sum(i => i.Quantity);
            }

            Assert.Equal(40, final.Received);
            Assert.Equal(final.Received, final.Stock + final.Sold);
            Assert.Equal(ordered, final.Sold);
            foreach (var offerId in offers)
            {
                var units = await Stock.OfOfferAsync(Host, offerId);
                Assert.Equal((0, 0), (units.Remaining, units.Held));
            }
        }
        finally
        {
            await Task.WhenAll(buyers.Select(b => b.Client.DisposeAsync().AsTask()));
        }
    }
}
