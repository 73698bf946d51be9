using LiveCommerce.BrowserTests.Infrastructure;
using LiveCommerce.Contracts.Pricing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>Flash offers on the viewer page: claiming, checking out, and the countdown.</summary>
public sealed class FlashOfferTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Viewer_claims_a_flash_offer_checks_out_and_sees_the_order_confirmation()
    {
        var (_, creator) = NewCreator();
        var product = await creator.CreateProductAsync(Product("Dress Batik Kawung Modern", 259_000, "IDR", stock: 10));
        var stream = await LiveStreamAsync(creator, "Flash sale checkout", [product.Id]);

        await using var context = await Fixture.NewContextAsync();
        var viewer = await OpenViewerAsync(context, stream.Id);
        await DemoSignInAsync(viewer);

        var offer = await creator.CreateOfferAsync(stream.Id, Offer(product.Id, new Money(199_000, "IDR"), quantity: 3, durationSeconds: 120));
        var banner = viewer.Locator($".offer[data-offer-id='{offer.Id}']");
        await banner.WaitForAsync(new() { Timeout = WaitMs });
        await ScreenshotAsync(viewer, "offer-banner-mobile");

        await banner.Locator(".offer-claim").ClickAsync();
        await viewer.WaitForSelectorAsync("#cart-drawer.open", new() { Timeout = WaitMs });
        await viewer.Locator($"#cart-lines [data-offer-id='{offer.Id}']").WaitForAsync(new() { Timeout = WaitMs });
        await ScreenshotAsync(viewer, "offer-cart-mobile");

        await viewer.ClickAsync("#checkout");
        var modal = viewer.Locator("#order-modal");
        await modal.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = WaitMs });
        await ScreenshotAsync(viewer, "order-confirmation-mobile");

        Assert.False(string.IsNullOrEmpty(await modal.GetAttributeAsync("data-order-id")));
        Assert.Contains("Order confirmed", await modal.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("199", Plain(await viewer.Locator("#order-total").InnerTextAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_countdown_ends_a_short_offer_launched_from_the_studio_on_the_viewers_screen()
    {
        var (creatorId, creator) = NewCreator();
        var product = await creator.CreateProductAsync(Product("Pashmina Ceruti Babydoll", 65_000, "IDR", stock: 30));
        var stream = await LiveStreamAsync(creator, "Ten second offer", [product.Id]);

        await using var studioContext = await Fixture.NewContextAsync(width: 1280, height: 900, mobile: false);
        await using var viewerContext = await Fixture.NewContextAsync();
        var viewer = await OpenViewerAsync(viewerContext, stream.Id);
        var studio = await OpenStudioAsync(studioContext, creatorId, stream.Id);

        // The studio refuses an offer above the product's price without asking the engine.
        await studio.Locator("#offer-product").SelectOptionAsync(product.Id);
        await studio.Locator("#offer-price").FillAsync("70000");
        await studio.Locator("#offer-duration").FillAsync("10");
        await studio.Locator("#offer-quantity").FillAsync("5");
        await studio.ClickAsync("#launch-offer");
        await Assertions.Expect(studio.Locator("#offer-errors")).ToContainTextAsync("must not be above");
        Assert.Equal(0, await viewer.Locator(".offer").CountAsync());

        await studio.Locator("#offer-price").FillAsync("49000");
        await studio.ClickAsync("#launch-offer");
        var banner = viewer.Locator(".offer");
        await banner.WaitForAsync(new() { Timeout = WaitMs });
        var early = Plain(await banner.Locator(".offer-time").InnerTextAsync());
        Output.WriteLine($"countdown at start: {early}");
        Assert.Matches(@"^0:(0\d|10)$", early);
        await ScreenshotAsync(viewer, "offer-countdown-mobile");
        await ScreenshotAsync(studio, "offer-studio-desktop");

        await viewer.WaitForSelectorAsync(".offer[data-state='ended']", new() { Timeout = 16_000 });
        await ScreenshotAsync(viewer, "offer-ended-mobile");
        Assert.Equal("0:00", Plain(await banner.Locator(".offer-time").InnerTextAsync()));
        Assert.True(await banner.Locator(".offer-claim").IsDisabledAsync());
    }
}
