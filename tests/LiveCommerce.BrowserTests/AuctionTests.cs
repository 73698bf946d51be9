using System.Globalization;
using LiveCommerce.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>Live auctions: started from the studio, bid on from the viewer page, outbid, extended, won.</summary>
public sealed class AuctionTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_viewer_bids_is_outbid_inside_the_anti_snipe_window_sees_the_end_move_bids_a_maximum_and_finds_the_won_unit_in_the_cart()
    {
        var (creatorId, creator) = NewCreator();
        var product = await creator.CreateProductAsync(Product("Kebaya Brokat Modern", 350_000, "IDR", stock: 5));
        var stream = await LiveStreamAsync(creator, "Kebaya auction", [product.Id]);

        await using var studioContext = await Fixture.NewContextAsync(width: 1280, height: 900, mobile: false);
        await using var viewerContext = await Fixture.NewContextAsync();
        var viewer = await OpenViewerAsync(viewerContext, stream.Id);
        var sub = await DemoSignInAsync(viewer);
        var studio = await OpenStudioAsync(studioContext, creatorId, stream.Id);

        // The creator starts a 12-second auction with a 10-second anti-snipe window from the studio.
        await studio.Locator("#auction-product").SelectOptionAsync(product.Id);
        await studio.Locator("#auction-start").FillAsync("100000");
        await studio.Locator("#auction-increment").FillAsync("10000");
        await studio.Locator("#auction-duration").FillAsync("12");
        await studio.Locator("#auction-antisnipe").FillAsync("10");
        await studio.ClickAsync("#launch-auction");

        var card = viewer.Locator("[data-testid='auction-card']");
        await card.WaitForAsync(new() { Timeout = WaitMs });
        var auctionId = (await card.GetAttributeAsync("data-auction-id"))!;
        var bid = card.Locator("[data-testid='auction-bid']");
        var notice = card.Locator("[data-testid='auction-notice']");
        await Assertions.Expect(bid).ToHaveAttributeAsync("data-amount", "100000");
        Assert.Equal("Bid Rp 100,000", Plain(await bid.InnerTextAsync()));

        // The first bid is the starting bid: the viewer leads.
        await bid.ClickAsync();
        await Assertions.Expect(notice).ToHaveTextAsync("You're winning", new() { Timeout = WaitMs });
        await Assertions.Expect(card).ToHaveAttributeAsync("data-leader-id", sub);
        await ScreenshotAsync(viewer, "auction-winning-mobile");

        // A rival bids a higher maximum over the hub once the end is less than 8 s away, inside the anti-snipe window.
        var endsAt = await EndsAtAsync(card);
        var wait = endsAt - TimeSpan.FromSeconds(7.5) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var rivalId = "rival-" + Guid.NewGuid().ToString("N")[..8];
        await using var rival = await Fixture.Engine.ConnectViewerAsync(rivalId);
        await rival.JoinStreamAsync(stream.Id);
        var answer = await SaleFormats.PlaceBidAsync(rival, stream.Id, auctionId, 150_000);
        Assert.Equal("leading", answer.Text("status"));

        await Assertions.Expect(notice).ToHaveTextAsync("Outbid", new() { Timeout = WaitMs });
        await Assertions.Expect(card).ToHaveAttributeAsync("data-leader-id", rivalId);
        await Assertions.Expect(card).Not.ToHaveAttributeAsync("data-extensions", "0", new() { Timeout = WaitMs });
        var extendedTo = await EndsAtAsync(card);
        Output.WriteLine($"end before the rival's bid {endsAt:O}, after {extendedTo:O}");
        Assert.True(extendedTo >= endsAt + TimeSpan.FromSeconds(2), $"the end moved from {endsAt:O} to {extendedTo:O}");
        Assert.Matches(@"^0:(0[89]|10)$", Plain(await card.Locator(".auction-time").InnerTextAsync()));
        // Proxy bidding: the rival leads one increment above the viewer's maximum.
        await Assertions.Expect(card.Locator("[data-testid='auction-current-bid']")).ToHaveAttributeAsync("data-amount", "110000");
        await Assertions.Expect(bid).ToHaveAttributeAsync("data-amount", "120000");
        await ScreenshotAsync(viewer, "auction-outbid-extended-mobile");

        // The viewer bids a maximum of Rp 200,000 and leads again, one increment above the rival's maximum.
        await card.Locator(".auction-max-toggle").ClickAsync();
        await card.Locator("[data-testid='auction-max-input']").FillAsync("200000");
        await card.Locator("[data-testid='auction-max-submit']").ClickAsync();
        await Assertions.Expect(notice).ToHaveTextAsync("You're winning", new() { Timeout = WaitMs });
        await Assertions.Expect(card.Locator("[data-testid='auction-current-bid']")).ToHaveAttributeAsync("data-amount", "160000", new() { Timeout = WaitMs });

        var row = studio.Locator($"[data-testid='studio-auction'][data-auction-id='{auctionId}']");
        await Assertions.Expect(row.Locator("[data-testid='studio-auction-leader']")).ToHaveAttributeAsync("data-leader-id", sub, new() { Timeout = WaitMs });
        await Assertions.Expect(row.Locator("[data-testid='studio-auction-bids']")).ToHaveAttributeAsync("data-count", "3");
        await ScreenshotAsync(studio, "auction-studio-desktop");

        // The end: the viewer won at Rp 160,000, and the unit is held in their cart at that price.
        var result = card.Locator("[data-testid='auction-result']");
        await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(result).ToHaveAttributeAsync("data-won", "true");
        Assert.Contains("You won for Rp 160,000", Plain(await result.InnerTextAsync()), StringComparison.Ordinal);
        await Assertions.Expect(row.Locator("[data-testid='studio-auction-result']")).ToContainTextAsync($"Sold to {sub}", new() { Timeout = WaitMs });

        await viewer.ClickAsync("#cart-button");
        var line = viewer.Locator($"#cart-lines [data-testid='cart-line'][data-offer-id='{auctionId}']");
        await line.WaitForAsync(new() { Timeout = WaitMs });
        Assert.Equal("auction", await line.GetAttributeAsync("data-source"));
        Assert.Equal("held", await line.GetAttributeAsync("data-kind"));
        Assert.Equal("160000", await line.GetAttributeAsync("data-unit-amount"));
        Assert.Contains("Auction won", await line.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("160000", await viewer.Locator("#cart-total").GetAttributeAsync("data-amount"));
        await ScreenshotAsync(viewer, "auction-won-cart-mobile");

        await using var sdk = await Fixture.Engine.ConnectViewerAsync(sub);
        var cart = await sdk.GetCartAsync();
        var held = Assert.Single(cart.Items, i => i.OfferId == auctionId);
        Assert.Equal(160_000, held.UnitPrice.Amount);
        Assert.NotNull(held.ReservationId);
        Assert.Equal(await line.GetAttributeAsync("data-reservation-id"), held.ReservationId);
    }

    private static async Task<DateTimeOffset> EndsAtAsync(ILocator card) =>
        DateTimeOffset.Parse((await card.GetAttributeAsync("data-ends-at"))!, CultureInfo.InvariantCulture);
}
