using System.Net;
using LiveCommerce.Abstractions.Carts;
using LiveCommerce.Abstractions.Orders;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Grains.Carts;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>Contract v2 carts, retried checkouts and seller terms through real HTTP and hub clients; run in both modes.</summary>
public abstract class CartAndTermsScenarios
{
    /// <summary>The host under test (hold period <see cref="CommerceEngineFixture.HoldPeriod"/>).</summary>
    protected abstract EngineHost Host { get; }

    private IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static CreateOfferRequest OfferOf(Product product, long price, int quantity, int seconds = 120) => new()
    {
        ProductId = product.Id,
        Price = new Money(price, product.Price.Currency),
        Quantity = quantity,
        DurationSeconds = seconds,
    };

    [Fact]
    public async Task A_checkout_retried_with_the_same_key_after_a_refusal_takes_its_stock_again_and_never_oversells()
    {
        var creatorId = NewId("creator");
        var creator = Host.Api(creatorId, "creator", "seller");
        var p = await creator.CreateProductAsync(Catalog.Product(stock: 5));
        var q = await creator.CreateProductAsync(Catalog.Product(stock: 1));
        var stream = await creator.CreateStreamAsync(new CreateStreamRequest { Title = "Retry", ProductIds = [p.Id, q.Id] });
        await creator.StartStreamAsync(stream.Id);
        await using var first = await Host.ConnectViewerAsync(NewId("buyer"));
        await first.JoinStreamAsync(stream.Id);
        await first.AddToCartAsync(stream.Id, p.Id, 5);
        await first.AddToCartAsync(stream.Id, q.Id, 1);

        // An offer takes Q's only unit, so the checkout is refused and takes nothing.
        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(q, 1_000, 1));
        var refused = await Assert.ThrowsAsync<HubException>(() => first.CheckoutAsync("k-1"));
        Assert.Contains(q.Name, refused.Message, StringComparison.Ordinal);
        Assert.Equal(new Inventory(5, 5, 0, 0), await Stock.OfAsync(Host, p.Id));

        // The offer is cancelled and the same key retried: it confirms, and takes P's five units again.
        await creator.CancelOfferAsync(stream.Id, offer.Id);
        var order = await first.CheckoutAsync("k-1");
        Assert.Equal(6, order.Items.Sum(i => i.Quantity));
        Assert.Equal(new Inventory(5, 0, 0, 5), await Stock.OfAsync(Host, p.Id));
        var again = await first.CheckoutAsync("k-1");
        Assert.Equal((order.Id, order.Total, order.Items.Count), (again.Id, again.Total, again.Items.Count));

        await using var second = await Host.ConnectViewerAsync(NewId("buyer"));
        await second.JoinStreamAsync(stream.Id);
        await Assert.ThrowsAsync<HubException>(() => second.AddToCartAsync(stream.Id, p.Id, 5));
        Assert.Equal(new Inventory(5, 0, 0, 5), await Stock.OfAsync(Host, p.Id));
    }

    [Fact]
    public async Task Cart_lines_carry_v2_fields_change_with_SetCartQuantity_and_a_released_hold_goes_back_at_once()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(products[0], 50_000, 3));
        await using var buyer = await Host.ConnectViewerAsync(NewId("buyer"));
        await buyer.JoinStreamAsync(stream.Id);
        var claim = await buyer.ClaimOfferAsync(stream.Id, offer.Id);
        var cart = await buyer.AddToCartAsync(stream.Id, products[1].Id, 2);

        var held = Assert.Single(cart.Items, i => i.OfferId == offer.Id);
        Assert.Equal(claim.ReservationId, held.ReservationId);
        Assert.NotNull(held.ExpiresAt);
        var regular = Assert.Single(cart.Items, i => i.OfferId is null);
        Assert.Null(regular.ReservationId);
        Assert.Null(regular.ExpiresAt);
        Assert.All(cart.Items, i => Assert.Equal(stream.CreatorId, i.CreatorId));
        var read = await buyer.GetCartAsync();
        Assert.Equal(cart.Total, read.Total);
        Assert.Equal(cart.Items, read.Items);

        cart = await buyer.SetCartQuantityAsync(products[1].Id, 4);
        Assert.Equal(4, cart.Items.Single(i => i.OfferId is null).Quantity);
        Assert.Equal(50_000 + (4 * products[1].Price.Amount), cart.Total.Amount);
        await Assert.ThrowsAsync<HubException>(() => buyer.SetCartQuantityAsync(products[1].Id, products[1].Stock + 1));
        await Assert.ThrowsAsync<HubException>(() => buyer.SetCartQuantityAsync(products[1].Id, -1));
        cart = await buyer.SetCartQuantityAsync(products[1].Id, 0);
        Assert.DoesNotContain(cart.Items, i => i.OfferId is null);

        cart = await buyer.ReleaseHoldAsync(claim.ReservationId!);
        Assert.Empty(cart.Items);
        var units = await Stock.OfOfferAsync(Host, offer.Id);
        Assert.Equal((3, 0, 0), (units.Remaining, units.Held, units.Sold));
        Assert.Empty((await buyer.ReleaseHoldAsync(claim.ReservationId!)).Items);
        Assert.Equal(ClaimStatus.Reserved, (await buyer.ClaimOfferAsync(stream.Id, offer.Id)).Status);
    }

    [Fact]
    public async Task A_held_line_whose_time_is_up_leaves_the_cart_even_when_no_drop_arrives()
    {
        var buyerId = NewId("buyer");
        var cart = Grains.GetGrain<ICartGrain>(buyerId);
        await cart.AddHoldAsync(new CartItem
        {
            ProductId = "p",
            OfferId = "no-such-offer",
            Quantity = 1,
            UnitPrice = new Money(1_000, "IDR"),
            ReservationId = "r-1",
            ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(1),
        });
        Assert.Single((await cart.GetAsync()).Items);
        await Stock.EventuallyAsync(async () => (await cart.GetAsync()).Items.Count == 0, what: "the lapsed line stayed in the cart");
        await Assert.ThrowsAsync<LiveCommerce.Abstractions.Errors.LiveCommerceException>(() => cart.CheckoutAsync("k"));
    }

    [Fact]
    public async Task A_claim_whose_cart_refuses_the_line_gives_the_hold_back()
    {
        var (stream, products, creator) = await Catalog.LiveStreamAsync(Host);
        var dollars = await creator.CreateProductAsync(Catalog.Product() with { Price = new Money(1_999, "USD") });
        await creator.AddProductAsync(stream.Id, dollars.Id);
        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(products[0], 10_000, 2));
        await using var buyer = await Host.ConnectViewerAsync(NewId("buyer"));
        await buyer.JoinStreamAsync(stream.Id);
        await buyer.AddToCartAsync(stream.Id, dollars.Id, 1);

        await Assert.ThrowsAsync<HubException>(() => buyer.ClaimOfferAsync(stream.Id, offer.Id));
        var units = await Stock.OfOfferAsync(Host, offer.Id);
        Assert.Equal((2, 0), (units.Remaining, units.Held));
        Assert.Single((await buyer.GetCartAsync()).Items);
    }

    [Fact]
    public async Task An_order_whose_total_cannot_be_charged_is_refused_before_any_unit_is_taken()
    {
        var (_, products, _) = await Catalog.LiveStreamAsync(Host);
        var huge = new Money(long.MaxValue / 2, "IDR");
        var lines = new List<CartItem>
        {
            new() { ProductId = products[0].Id, Quantity = 1, UnitPrice = products[0].Price },
            new() { ProductId = products[1].Id, Quantity = 3, UnitPrice = huge },
        };
        var order = Grains.GetGrain<IOrderGrain>(NewId("order"));
        var error = await Assert.ThrowsAsync<LiveCommerce.Abstractions.Errors.LiveCommerceException>(() => order.PlaceAsync(NewId("buyer"), "k", lines));
        Assert.Equal(LiveCommerce.Abstractions.Errors.ErrorKind.Invalid, error.Kind);
        Assert.Equal(new Inventory(products[0].Stock, products[0].Stock, 0, 0), await Stock.OfAsync(Host, products[0].Id));
        Assert.Null(await order.GetAsync());
    }

    [Fact]
    public async Task Another_creator_runs_offers_on_a_sellers_product_only_within_the_sellers_terms()
    {
        var sellerId = NewId("seller");
        var seller = Host.Api(sellerId, "seller");
        var product = await seller.CreateProductAsync(Catalog.Product(price: 200_000, stock: 20));
        var creator = Host.Api(NewId("creator"), "creator");
        var stream = await creator.CreateStreamAsync(new CreateStreamRequest { Title = "Reseller", ProductIds = [product.Id] });
        await creator.StartStreamAsync(stream.Id);
        Assert.Equal(product.Price, (await creator.PinAsync(stream.Id, product.Id)).Price);

        async Task<HttpStatusCode> RefusalAsync(long price, int units)
        {
            var error = await Assert.ThrowsAsync<LiveApiException>(() => creator.CreateOfferAsync(stream.Id, OfferOf(product, price, units)));
            return error.Status;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync(0, 20));
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<LiveApiException>(() =>
            creator.SetTermsAsync(product.Id, new SellerTerms { MaxOfferUnits = 20 }))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Assert.ThrowsAsync<LiveApiException>(() =>
            seller.SetTermsAsync(product.Id, new SellerTerms { MinLivePrice = new Money(150_000, "USD") }))).Status);

        var withTerms = await seller.SetTermsAsync(product.Id, new SellerTerms { MinLivePrice = new Money(150_000, "IDR"), MaxOfferUnits = 5 });
        Assert.Equal(5, withTerms.Terms!.MaxOfferUnits);
        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync(149_999, 5));
        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync(150_000, 6));
        Assert.Equal(new Inventory(20, 20, 0, 0), await Stock.OfAsync(Host, product.Id));

        var offer = await creator.CreateOfferAsync(stream.Id, OfferOf(product, 150_000, 5));
        Assert.Equal(5, offer.Quantity);
        Assert.Equal(new Inventory(20, 15, 5, 0), await Stock.OfAsync(Host, product.Id));
        Assert.Equal(5, (await Host.Api(NewId("anyone"), "viewer").GetProductAsync(product.Id)).Terms!.MaxOfferUnits);
    }
}
