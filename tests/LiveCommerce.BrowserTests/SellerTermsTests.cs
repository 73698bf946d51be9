using LiveCommerce.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>Seller terms in the studio: the seller sets them, another creator's offer is held to them.</summary>
public sealed class SellerTermsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Seller_sets_terms_in_the_studio_and_another_creators_offer_below_the_floor_shows_the_reason()
    {
        var (sellerId, seller) = NewCreator();
        var product = await seller.CreateProductAsync(Product("Kemeja Batik Parang Slimfit", 200_000, "IDR", stock: 20));

        // The seller sets the terms in the studio's catalog.
        await using var sellerContext = await Fixture.NewContextAsync(width: 1280, height: 900, mobile: false);
        var sellerStudio = await OpenAsync(sellerContext, "/studio");
        await sellerStudio.Locator("#creator-sub").FillAsync(sellerId, new() { Timeout = WaitMs });
        await sellerStudio.Locator("#dev-signin button[type=submit]").ClickAsync(new() { Timeout = WaitMs });
        var terms = sellerStudio.Locator($"#catalog-list details.terms[data-terms-for='{product.Id}']");
        await Assertions.Expect(terms.Locator(".terms-summary")).ToContainTextAsync("No terms", new() { Timeout = WaitMs });
        await terms.Locator("summary").ClickAsync();
        await terms.Locator("input[name=minLivePrice]").FillAsync("150000");
        await terms.Locator("input[name=maxOfferUnits]").FillAsync("5");
        await terms.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(terms).ToHaveAttributeAsync("data-saved", "true", new() { Timeout = WaitMs });
        Assert.Equal("Other creators: from Rp 150,000 · at most 5 units per offer", Plain(await terms.Locator(".terms-summary").InnerTextAsync()));
        await ScreenshotAsync(sellerStudio, "seller-terms-desktop");

        var saved = (await seller.GetProductAsync(product.Id)).Terms;
        Assert.NotNull(saved);
        Assert.Equal(150_000, saved.MinLivePrice?.Amount);
        Assert.Equal("IDR", saved.MinLivePrice?.Currency);
        Assert.Equal(5, saved.MaxOfferUnits);

        // Another creator lists the product; an offer below the floor is refused with the seller's reason.
        var (creatorId, creator) = NewCreator();
        var stream = await LiveStreamAsync(creator, "Batik dari teman", [product.Id]);
        await using var creatorContext = await Fixture.NewContextAsync(width: 1280, height: 900, mobile: false);
        var studio = await OpenStudioAsync(creatorContext, creatorId, stream.Id);
        await studio.Locator("#offer-product").SelectOptionAsync(product.Id, new() { Timeout = WaitMs });
        await Assertions.Expect(studio.Locator("#offer-terms")).ToHaveTextAsync(
            "The seller's terms for your offers: from Rp 150,000 · at most 5 units per offer", new() { Timeout = WaitMs });
        await studio.Locator("#offer-price").FillAsync("100000");
        await studio.Locator("#offer-quantity").FillAsync("3");
        await studio.ClickAsync("#launch-offer");
        await Assertions.Expect(studio.Locator("#offer-errors")).ToContainTextAsync(
            "allows live prices from 150000 IDR; 100000 IDR is below it", new() { Timeout = WaitMs });
        await studio.Locator("#offer-errors").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(studio, "seller-terms-refusal-desktop");
        Assert.Empty((await creator.GetStreamAsync(stream.Id)).Offers);

        // Within the terms, the same creator's offer starts.
        await studio.Locator("#offer-price").FillAsync("160000");
        await studio.ClickAsync("#launch-offer");
        await studio.Locator("#offer-list .offer-row").WaitForAsync(new() { Timeout = WaitMs });
        Assert.Equal(string.Empty, Plain(await studio.Locator("#offer-errors").InnerTextAsync()));
        Assert.Single((await creator.GetStreamAsync(stream.Id)).Offers);
    }
}
