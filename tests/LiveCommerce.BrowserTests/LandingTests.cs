using LiveCommerce.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>The landing page lists the streams, live first.</summary>
public sealed class LandingTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task The_landing_page_lists_a_live_stream_with_a_link_to_watch_it()
    {
        var (_, creator) = NewCreator();
        var product = await creator.CreateProductAsync(Product("Bros Hijab Mutiara", 35_000, "IDR"));
        var title = "Landing live " + Guid.NewGuid().ToString("N")[..6];
        var stream = await LiveStreamAsync(creator, title, [product.Id]);

        await using var context = await Fixture.NewContextAsync(width: 1280, height: 800, mobile: false);
        var page = await OpenAsync(context, "/");
        var tile = page.Locator($"a.stream-tile[data-stream-id='{stream.Id}']");
        await tile.WaitForAsync(new() { Timeout = WaitMs });
        await ScreenshotAsync(page, "landing-desktop");

        Assert.Equal("live", await tile.GetAttributeAsync("data-status"));
        Assert.Equal($"/watch/{stream.Id}", await tile.GetAttributeAsync("href"));
        Assert.Contains(title, await tile.InnerTextAsync(), StringComparison.Ordinal);

        await tile.ClickAsync();
        await page.WaitForURLAsync($"**/watch/{stream.Id}", new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit, Timeout = WaitMs });
        await page.WaitForSelectorAsync("body[data-connection='connected']", new() { Timeout = WaitMs, State = Microsoft.Playwright.WaitForSelectorState.Attached });
        Assert.Equal(title, await page.Locator("#title").InnerTextAsync());
    }
}
