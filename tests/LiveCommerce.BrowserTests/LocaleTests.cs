using LiveCommerce.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>The pages speak the browser's language (English or Indonesian) and format money per currency.</summary>
public sealed class LocaleTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task The_viewer_page_renders_in_Indonesian_with_rupiah_for_an_id_ID_browser()
    {
        var (_, creator) = NewCreator();
        var product = await creator.CreateProductAsync(Product("Kain Batik Cap Pekalongan", 129_000, "IDR"));
        var stream = await LiveStreamAsync(creator, "Batik & Hijab Live", [product.Id]);
        await creator.PinAsync(stream.Id, product.Id);

        await using var context = await Fixture.NewContextAsync(locale: "id-ID");
        var viewer = await OpenViewerAsync(context, stream.Id);
        var pinned = viewer.Locator($"#pinned[data-product-id='{product.Id}']");
        await pinned.WaitForAsync(new() { Timeout = WaitMs });
        await viewer.Locator("#demo-sign-in").WaitForAsync(new() { Timeout = WaitMs });
        await ScreenshotAsync(viewer, "watch-indonesian-mobile");

        Assert.Equal("id", await viewer.GetAttributeAsync("html", "lang"));
        Assert.Contains("Rp 129.000", Plain(await pinned.InnerTextAsync()), StringComparison.Ordinal);
        Assert.Contains("Sedang ditampilkan", await pinned.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Masuk (demo)", Plain(await viewer.Locator("#demo-sign-in").InnerTextAsync()));
        Assert.Equal("Produk", Plain(await viewer.Locator("#products-button").InnerTextAsync()));
        Assert.Equal("Tulis komentar…", await viewer.Locator("#comment-input").GetAttributeAsync("placeholder"));
    }

    [Fact]
    public async Task The_viewer_page_renders_in_English_with_cents_for_dollars()
    {
        var (_, creator) = NewCreator();
        var product = await creator.CreateProductAsync(Product("Canvas Tote Bag", 1999, "USD"));
        var stream = await LiveStreamAsync(creator, "Tote bag drop", [product.Id]);
        await creator.PinAsync(stream.Id, product.Id);

        await using var context = await Fixture.NewContextAsync(locale: "en-US");
        var viewer = await OpenViewerAsync(context, stream.Id);
        var pinned = viewer.Locator($"#pinned[data-product-id='{product.Id}']");
        await pinned.WaitForAsync(new() { Timeout = WaitMs });

        Assert.Equal("en", await viewer.GetAttributeAsync("html", "lang"));
        Assert.Contains("$19.99", Plain(await pinned.InnerTextAsync()), StringComparison.Ordinal);
        Assert.Equal("Demo sign-in", Plain(await viewer.Locator("#demo-sign-in").InnerTextAsync()));
    }
}
