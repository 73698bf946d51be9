using LiveCommerce.BrowserTests.Infrastructure;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Pricing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>The cart drawer of the viewer page: the engine's cart, changed line by line.</summary>
public sealed class CartTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Viewer_changes_and_removes_a_line_and_releases_a_held_unit_and_the_page_and_the_engine_agree()
    {
        var (_, creator) = NewCreator();
        var scarf = await creator.CreateProductAsync(Product("Pashmina Silk Premium", 85_000, "IDR", stock: 10));
        var dress = await creator.CreateProductAsync(Product("Dress Batik Kawung Modern", 259_000, "IDR", stock: 10));
        var stream = await LiveStreamAsync(creator, "Cart controls", [scarf.Id, dress.Id]);

        await using var context = await Fixture.NewContextAsync();
        var viewer = await OpenViewerAsync(context, stream.Id);
        var sub = await DemoSignInAsync(viewer);
        await using var sdk = await Fixture.Engine.ConnectViewerAsync(sub);

        // A regular line: add the pinned product, then + twice and − once.
        await creator.PinAsync(stream.Id, scarf.Id);
        await viewer.ClickAsync($"#pinned[data-product-id='{scarf.Id}'] .pinned-add", new() { Timeout = WaitMs });
        await viewer.ClickAsync("#cart-button");
        var line = viewer.Locator($"#cart-lines .cart-line[data-kind='regular'][data-product-id='{scarf.Id}']");
        await LineQuantityAsync(line, 1);
        await line.Locator(".qty-plus").ClickAsync();
        await LineQuantityAsync(line, 2);
        await line.Locator(".qty-plus").ClickAsync();
        await LineQuantityAsync(line, 3);
        await line.Locator(".qty-minus").ClickAsync();
        await LineQuantityAsync(line, 2);
        var cart = await AgreeAsync(viewer, sdk);
        Assert.Equal(2, Assert.Single(cart.Items).Quantity);

        // A reload joins again and reads the cart from the engine.
        await viewer.ReloadAsync();
        await viewer.WaitForSelectorAsync($"body[data-joined-as='{sub}'][data-connection='connected']", new() { Timeout = WaitMs, State = WaitForSelectorState.Attached });
        await viewer.ClickAsync("#cart-button");
        await LineQuantityAsync(line, 2);

        // A held unit: claim an offer, see its countdown, release it; the unit goes back to the offer.
        var offer = await creator.CreateOfferAsync(stream.Id, Offer(dress.Id, new Money(199_000, "IDR"), quantity: 2, durationSeconds: 300));
        await viewer.ClickAsync("#cart-close");
        await viewer.Locator($".offer[data-offer-id='{offer.Id}'] .offer-claim").ClickAsync(new() { Timeout = WaitMs });
        var held = viewer.Locator($"#cart-lines .cart-line[data-kind='held'][data-offer-id='{offer.Id}']");
        await held.WaitForAsync(new() { Timeout = WaitMs });
        await Assertions.Expect(held.Locator(".hold")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Held for you · [0-5]:\d\d"));
        await ScreenshotAsync(viewer, "cart-controls-mobile");
        cart = await AgreeAsync(viewer, sdk);
        var hold = Assert.Single(cart.Items, i => i.OfferId == offer.Id);
        Assert.NotNull(hold.ExpiresAt);
        Assert.Equal(hold.ReservationId, await held.GetAttributeAsync("data-reservation-id"));
        Assert.Equal(1, (await creator.GetStreamAsync(stream.Id)).Offers.Single(o => o.Id == offer.Id).Remaining);

        await held.Locator(".cart-release").ClickAsync();
        await held.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = WaitMs });
        cart = await AgreeAsync(viewer, sdk);
        Assert.DoesNotContain(cart.Items, i => i.OfferId is not null);
        Assert.Equal(2, (await creator.GetStreamAsync(stream.Id)).Offers.Single(o => o.Id == offer.Id).Remaining);
        await Assertions.Expect(viewer.Locator($".offer[data-offer-id='{offer.Id}'] .offer-claim")).ToHaveTextAsync("Grab it");

        // Remove the regular line: the cart is empty on both sides.
        await line.Locator(".cart-remove").ClickAsync();
        await viewer.Locator("#cart-lines .empty").WaitForAsync(new() { Timeout = WaitMs });
        cart = await AgreeAsync(viewer, sdk);
        Assert.Empty(cart.Items);
        Assert.True(await viewer.Locator("#checkout").IsDisabledAsync());
    }

    private static Task LineQuantityAsync(ILocator line, int quantity) =>
        Assertions.Expect(line).ToHaveAttributeAsync("data-quantity", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = WaitMs });

    /// <summary>The engine's cart (read over the SDK), after checking that the page shows the same lines and total.</summary>
    private static async Task<Cart> AgreeAsync(IPage viewer, LiveViewerClient sdk)
    {
        var cart = await sdk.GetCartAsync();
        var lines = viewer.Locator("#cart-lines .cart-line");
        await Assertions.Expect(lines).ToHaveCountAsync(cart.Items.Count, new() { Timeout = WaitMs });
        foreach (var item in cart.Items)
        {
            var selector = item.OfferId is null
                ? $"#cart-lines .cart-line[data-kind='regular'][data-product-id='{item.ProductId}']"
                : $"#cart-lines .cart-line[data-kind='held'][data-reservation-id='{item.ReservationId}']";
            await Assertions.Expect(viewer.Locator(selector)).ToHaveAttributeAsync(
                "data-quantity", item.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = WaitMs });
        }

        await Assertions.Expect(viewer.Locator("#cart-total")).ToHaveAttributeAsync(
            "data-amount", cart.Total.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = WaitMs });
        return cart;
    }
}
