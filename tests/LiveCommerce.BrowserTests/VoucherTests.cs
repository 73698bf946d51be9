using LiveCommerce.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>Vouchers: dropped from the studio, claimed from the viewer page's banner, taken off the cart's total.</summary>
public sealed class VoucherTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_viewer_claims_the_banner_voucher_and_the_cart_and_the_order_show_the_discount()
    {
        var (creatorId, creator) = NewCreator();
        var dress = await creator.CreateProductAsync(Product("Dress Batik Kawung Modern", 259_000, "IDR", stock: 10));
        var stream = await LiveStreamAsync(creator, "Voucher drop", [dress.Id]);
        await creator.PinAsync(stream.Id, dress.Id);

        await using var studioContext = await Fixture.NewContextAsync(width: 1280, height: 900, mobile: false);
        await using var viewerContext = await Fixture.NewContextAsync();
        var viewer = await OpenViewerAsync(viewerContext, stream.Id);
        var sub = await DemoSignInAsync(viewer);
        var studio = await OpenStudioAsync(studioContext, creatorId, stream.Id);

        // 15% off from Rp 200,000 of this stream's items, 5 vouchers, one per viewer.
        await studio.Locator("#voucher-kind").SelectOptionAsync("percent");
        await studio.Locator("#voucher-value").FillAsync("15");
        await studio.Locator("#voucher-currency").SelectOptionAsync("IDR");
        await studio.Locator("#voucher-min-spend").FillAsync("200000");
        await studio.Locator("#voucher-quantity").FillAsync("5");
        await studio.Locator("#voucher-limit").FillAsync("1");
        await studio.Locator("#voucher-duration").FillAsync("120");
        await studio.ClickAsync("#launch-voucher");

        var banner = viewer.Locator("[data-testid='voucher-banner']");
        await banner.WaitForAsync(new() { Timeout = WaitMs });
        var voucherId = (await banner.GetAttributeAsync("data-voucher-id"))!;
        var text = Plain(await banner.InnerTextAsync());
        Assert.Contains("15% off", text, StringComparison.Ordinal);
        Assert.Contains("min. spend Rp 200,000", text, StringComparison.Ordinal);
        await Assertions.Expect(banner.Locator("[data-testid='voucher-remaining']")).ToHaveAttributeAsync("data-count", "5");
        await ScreenshotAsync(viewer, "voucher-banner-mobile");

        // The claim: the banner says so, one voucher fewer is left, on both pages.
        var claim = banner.Locator("[data-testid='voucher-claim']");
        await claim.ClickAsync();
        await Assertions.Expect(claim).ToHaveTextAsync("Claimed", new() { Timeout = WaitMs });
        Assert.True(await claim.IsDisabledAsync());
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-claimed", "true");
        await Assertions.Expect(banner.Locator("[data-testid='voucher-remaining']")).ToHaveAttributeAsync("data-count", "4", new() { Timeout = WaitMs });
        var row = studio.Locator($"[data-testid='studio-voucher'][data-voucher-id='{voucherId}']");
        await Assertions.Expect(row.Locator("[data-testid='studio-voucher-remaining']")).ToHaveAttributeAsync("data-count", "4", new() { Timeout = WaitMs });

        // Rp 259,000 in the cart: 15% off is Rp 38,850, the total Rp 220,150.
        await viewer.ClickAsync($"#pinned[data-product-id='{dress.Id}'] .pinned-add", new() { Timeout = WaitMs });
        await viewer.ClickAsync("#cart-button");
        var sums = viewer.Locator("#cart-sums");
        await Assertions.Expect(sums).ToBeVisibleAsync(new() { Timeout = WaitMs });
        await Assertions.Expect(viewer.Locator("#cart-subtotal")).ToHaveAttributeAsync("data-amount", "259000");
        await Assertions.Expect(viewer.Locator("#cart-discount")).ToHaveAttributeAsync("data-amount", "38850");
        await Assertions.Expect(viewer.Locator("#cart-total")).ToHaveAttributeAsync("data-amount", "220150");
        Assert.Equal("−Rp 38,850", Plain(await viewer.Locator("#cart-discount").InnerTextAsync()));
        Assert.Contains("Voucher discount", await viewer.Locator("#cart-discount-line").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(voucherId, await viewer.Locator("#cart-discount-line").GetAttributeAsync("data-voucher-id"));
        await ScreenshotAsync(viewer, "voucher-cart-mobile");

        await using var sdk = await Fixture.Engine.ConnectViewerAsync(sub);
        var cart = await SaleFormats.GetCartAsync(sdk);
        Assert.Equal(259_000, cart.Amount("subtotal"));
        Assert.Equal(38_850, cart.Amount("discount"));
        Assert.Equal(220_150, cart.Amount("total"));
        Assert.Equal(voucherId, cart.Text("voucherId"));

        // Checkout: the order carries the discount.
        await viewer.ClickAsync("#checkout");
        var modal = viewer.Locator("#order-modal");
        await modal.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = WaitMs });
        Assert.Equal("−Rp 38,850", Plain(await viewer.Locator("#order-discount").InnerTextAsync()));
        Assert.Equal("Rp 220,150", Plain(await viewer.Locator("#order-total").InnerTextAsync()));
        var order = await Fixture.Engine.Api(sub, "viewer").GetOrderAsync(await modal.GetAttributeAsync("data-order-id") ?? string.Empty);
        Assert.Equal(220_150, order.Total.Amount);
        await ScreenshotAsync(viewer, "voucher-order-mobile");
    }

    [Fact]
    public async Task The_voucher_banner_reads_in_Indonesian()
    {
        var (_, creator) = NewCreator();
        var product = await creator.CreateProductAsync(Product("Hijab Voal Motif", 79_000, "IDR", stock: 10));
        var stream = await LiveStreamAsync(creator, "Voucher Kamis", [product.Id]);

        await using var context = await Fixture.NewContextAsync(locale: "id-ID");
        var viewer = await OpenViewerAsync(context, stream.Id);
        await SaleFormats.DropVoucherAsync(creator, stream.Id, new
        {
            discount = new { amount = SaleFormats.Money(20_000, "IDR") },
            minSpend = SaleFormats.Money(150_000, "IDR"),
            quantity = 10,
            durationSeconds = 60,
        });

        var banner = viewer.Locator("[data-testid='voucher-banner']");
        await banner.WaitForAsync(new() { Timeout = WaitMs });
        var text = Plain(await banner.InnerTextAsync());
        Assert.Contains("Potongan Rp 20.000", text, StringComparison.Ordinal);
        Assert.Contains("min. belanja Rp 150.000", text, StringComparison.Ordinal);
        Assert.Contains("Sisa 10", text, StringComparison.Ordinal);
        Assert.Equal("Klaim", Plain(await banner.Locator("[data-testid='voucher-claim']").InnerTextAsync()));
        await ScreenshotAsync(viewer, "voucher-banner-indonesian-mobile");
    }
}
