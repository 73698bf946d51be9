using LiveCommerce.BrowserTests.Infrastructure;
using LiveCommerce.Contracts.Pricing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>Screenshots of a busy live stream on a phone and a desktop, for people to look at.</summary>
public sealed class GalleryTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_busy_stream_renders_on_a_phone_and_on_a_desktop()
    {
        var (creatorId, creator) = NewCreator();
        var hijab = await creator.CreateProductAsync(Product("Hijab Voal Motif Parang", 89_000, "IDR", stock: 120, category: "hijab"));
        var batik = await creator.CreateProductAsync(Product("Kemeja Batik Tulis Solo", 349_000, "IDR", stock: 25, category: "batik"));
        var dress = await creator.CreateProductAsync(Product("Dress Batik Kawung Modern", 259_000, "IDR", stock: 30, category: "batik"));
        var brooch = await creator.CreateProductAsync(Product("Bros Hijab Mutiara", 35_000, "IDR", stock: 300, category: "accessories"));
        var stream = await LiveStreamAsync(creator, "Batik & Hijab Live: Weekend Sale", [hijab.Id, batik.Id, dress.Id, brooch.Id]);
        await creator.PinAsync(stream.Id, batik.Id);

        await using var phone = await Fixture.NewContextAsync();
        var viewer = await OpenViewerAsync(phone, stream.Id);
        await DemoSignInAsync(viewer);
        await creator.CreateOfferAsync(stream.Id, Offer(dress.Id, new Money(199_000, "IDR"), quantity: 20, durationSeconds: 300));
        await viewer.Locator(".offer").WaitForAsync(new() { Timeout = WaitMs });
        foreach (var text in new[] { "Is the batik shirt available in L?", "Ongkir ke Bandung berapa kak?", "Just bought the hijab, love it!" })
        {
            await viewer.Locator("#comment-input").FillAsync(text);
            await viewer.Locator("#comment-send").ClickAsync();
            await viewer.Locator(".comment", new() { HasText = text }).WaitForAsync(new() { Timeout = WaitMs });
        }

        await viewer.Locator(".react.heart").ClickAsync();
        await ScreenshotAsync(viewer, "watch-mobile");
        await viewer.ClickAsync("#products-button");
        await viewer.WaitForTimeoutAsync(400);
        await ScreenshotAsync(viewer, "watch-products-mobile");

        await using var desktop = await Fixture.NewContextAsync(width: 1440, height: 900, mobile: false);
        var wide = await OpenViewerAsync(desktop, stream.Id);
        await wide.Locator(".offer").WaitForAsync(new() { Timeout = WaitMs });
        await ScreenshotAsync(wide, "watch-desktop");

        await using var studioContext = await Fixture.NewContextAsync(width: 1440, height: 900, mobile: false);
        var studio = await OpenStudioAsync(studioContext, creatorId, stream.Id);
        await studio.WaitForTimeoutAsync(3500);
        await ScreenshotAsync(studio, "studio-desktop", fullPage: true);

        await using var studioPhone = await Fixture.NewContextAsync();
        var studioMobile = await OpenStudioAsync(studioPhone, creatorId, stream.Id);
        await ScreenshotAsync(studioMobile, "studio-mobile");

        await using var landingPhone = await Fixture.NewContextAsync();
        var landing = await OpenAsync(landingPhone, "/");
        await landing.Locator($"a.stream-tile[data-stream-id='{stream.Id}']").WaitForAsync(new() { Timeout = WaitMs });
        await ScreenshotAsync(landing, "landing-mobile");

        Assert.Equal(3, await viewer.Locator(".comment").CountAsync());
    }
}
