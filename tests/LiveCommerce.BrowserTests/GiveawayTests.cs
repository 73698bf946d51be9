using System.Text.RegularExpressions;
using LiveCommerce.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>Giveaways: started from the studio, entered from the viewer page, drawn with a published seed.</summary>
public sealed partial class GiveawayTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_viewer_enters_sees_the_draw_with_the_seed_that_matches_the_commitment_and_the_winner_finds_the_free_unit_in_the_cart()
    {
        var (creatorId, creator) = NewCreator();
        var product = await creator.CreateProductAsync(Product("Mukena Katun Jepang", 189_000, "IDR", stock: 5));
        var stream = await LiveStreamAsync(creator, "Giveaway Jumat Berkah", [product.Id]);

        await using var studioContext = await Fixture.NewContextAsync(width: 1280, height: 900, mobile: false);
        await using var viewerContext = await Fixture.NewContextAsync();
        var viewer = await OpenViewerAsync(viewerContext, stream.Id);
        var sub = await DemoSignInAsync(viewer);
        var studio = await OpenStudioAsync(studioContext, creatorId, stream.Id);

        // The creator starts a 10-second giveaway of one unit from the studio.
        await studio.Locator("#giveaway-product").SelectOptionAsync(product.Id);
        await studio.Locator("#giveaway-winners").FillAsync("1");
        await studio.Locator("#giveaway-duration").FillAsync("10");
        await studio.ClickAsync("#launch-giveaway");

        var card = viewer.Locator("[data-testid='giveaway-card']");
        await card.WaitForAsync(new() { Timeout = WaitMs });
        var giveawayId = (await card.GetAttributeAsync("data-giveaway-id"))!;
        var commitment = Plain(await card.Locator("[data-testid='giveaway-commitment']").TextContentAsync());
        Assert.Matches(Hex64(), commitment);
        var row = studio.Locator($"[data-testid='studio-giveaway'][data-giveaway-id='{giveawayId}']");
        Assert.Equal(commitment, Plain(await row.Locator("[data-testid='studio-giveaway-commitment']").TextContentAsync(new() { Timeout = WaitMs })));

        // The viewer enters: the button says so, and the entrant count reaches 1 on both pages.
        var enter = card.Locator("[data-testid='giveaway-enter']");
        await Assertions.Expect(enter).ToHaveTextAsync("Enter");
        await enter.ClickAsync();
        await Assertions.Expect(enter).ToHaveTextAsync("You're in", new() { Timeout = WaitMs });
        Assert.True(await enter.IsDisabledAsync());
        await Assertions.Expect(card.Locator("[data-testid='giveaway-entrants']")).ToHaveAttributeAsync("data-count", "1", new() { Timeout = WaitMs });
        await Assertions.Expect(row.Locator("[data-testid='studio-giveaway-entrants']")).ToHaveAttributeAsync("data-count", "1", new() { Timeout = WaitMs });
        await ScreenshotAsync(viewer, "giveaway-entered-mobile");

        // The draw: the only entrant wins; the seed is published and hashes to the commitment.
        var result = card.Locator("[data-testid='giveaway-result']");
        await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(result).ToHaveAttributeAsync("data-won", "true");
        Assert.Contains("You won!", await result.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(sub, await result.InnerTextAsync(), StringComparison.Ordinal);
        var seed = Plain(await card.Locator("[data-testid='giveaway-seed']").TextContentAsync());
        Assert.Matches(Hex64(), seed);
        Assert.Equal(commitment, SaleFormats.Sha256Hex(seed));
        await Assertions.Expect(card.Locator("[data-testid='giveaway-verified']")).ToHaveAttributeAsync("data-verified", "true", new() { Timeout = WaitMs });
        await ScreenshotAsync(viewer, "giveaway-result-mobile");

        await Assertions.Expect(row.Locator("[data-testid='studio-giveaway-winners']")).ToContainTextAsync(sub, new() { Timeout = WaitMs });
        Assert.Equal(seed, Plain(await row.Locator("[data-testid='studio-giveaway-seed']").TextContentAsync()));
        await Assertions.Expect(row.Locator("[data-testid='studio-giveaway-verified']")).ToHaveAttributeAsync("data-verified", "true", new() { Timeout = WaitMs });
        var drawn = await SaleFormats.GetGiveawayAsync(creator, stream.Id, giveawayId);
        Assert.Equal(sub, Assert.Single(drawn.GetProperty("entrantIds").EnumerateArray()).GetString());
        await ScreenshotAsync(studio, "giveaway-studio-desktop");

        // The won unit is held in the winner's cart at price 0.
        await viewer.ClickAsync("#cart-button");
        var line = viewer.Locator($"#cart-lines [data-testid='cart-line'][data-offer-id='{giveawayId}']");
        await line.WaitForAsync(new() { Timeout = WaitMs });
        Assert.Equal("giveaway", await line.GetAttributeAsync("data-source"));
        Assert.Equal("0", await line.GetAttributeAsync("data-unit-amount"));
        Assert.Contains("Free", await line.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("0", await viewer.Locator("#cart-total").GetAttributeAsync("data-amount"));
        await ScreenshotAsync(viewer, "giveaway-cart-mobile");

        await using var sdk = await Fixture.Engine.ConnectViewerAsync(sub);
        var held = Assert.Single((await sdk.GetCartAsync()).Items, i => i.OfferId == giveawayId);
        Assert.Equal(0, held.UnitPrice.Amount);
        Assert.Equal(product.Id, held.ProductId);
        Assert.NotNull(held.ReservationId);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hex64();
}
