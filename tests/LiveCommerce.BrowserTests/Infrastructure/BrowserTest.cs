using LiveCommerce.Client;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests.Infrastructure;

/// <summary>Helpers shared by the browser tests: opening pages, signing in, waiting for the hub, screenshots.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>How long a test waits for something on a page that should come promptly.</summary>
    protected const float WaitMs = 15_000;

    /// <summary>The shared engine and browser.</summary>
    protected BrowserFixture Fixture { get; } = fixture;

    /// <summary>The test's output.</summary>
    protected ITestOutputHelper Output { get; } = output;

    /// <summary>A new creator (who also sells): its id, and the HTTP API signed in as it.</summary>
    protected (string Id, LiveApiClient Api) NewCreator()
    {
        var id = "creator-" + Guid.NewGuid().ToString("N")[..8];
        return (id, Fixture.Engine.Api(id, "creator", "seller"));
    }

    /// <summary>A product of a local seller with a fresh SKU.</summary>
    protected static CreateProductRequest Product(string name, long amount, string currency, int stock = 20, string? category = null) => new()
    {
        Sku = "SKU-" + Guid.NewGuid().ToString("N")[..8],
        Name = name,
        Price = new Money(amount, currency),
        Stock = stock,
        Category = category,
        SellerKind = SellerKinds.LocalSme,
    };

    /// <summary>Creates a stream of <paramref name="productIds"/> as <paramref name="creator"/> and goes live.</summary>
    protected static async Task<LiveStream> LiveStreamAsync(LiveApiClient creator, string title, IEnumerable<string> productIds)
    {
        var stream = await creator.CreateStreamAsync(new CreateStreamRequest { Title = title, ProductIds = [.. productIds] });
        return await creator.StartStreamAsync(stream.Id);
    }

    /// <summary>A flash offer of <paramref name="quantity"/> units at <paramref name="price"/>.</summary>
    protected static CreateOfferRequest Offer(string productId, Money price, int quantity, int durationSeconds, int perViewerLimit = 1) => new()
    {
        ProductId = productId,
        Price = price,
        Quantity = quantity,
        DurationSeconds = durationSeconds,
        PerViewerLimit = perViewerLimit,
    };

    /// <summary>Opens a page and copies its console errors and failed requests into the test output.</summary>
    protected async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Output.WriteLine($"[{path} console {message.Type}] {message.Text}");
            }
        };
        page.PageError += (_, error) => Output.WriteLine($"[{path} page error] {error}");
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Opens the viewer page of a stream and waits until it joined the stream over the hub.</summary>
    protected async Task<IPage> OpenViewerAsync(IBrowserContext context, string streamId)
    {
        var page = await OpenAsync(context, $"/watch/{streamId}");
        await page.WaitForSelectorAsync("body[data-connection='connected']", new() { Timeout = WaitMs, State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Uses the viewer page's demo sign-in and waits until the hub rejoined with the token.</summary>
    protected static async Task<string> DemoSignInAsync(IPage viewer)
    {
        await viewer.ClickAsync("#demo-sign-in", new() { Timeout = WaitMs });
        var sub = (await viewer.Locator("#signed-in-as").TextContentAsync(new() { Timeout = WaitMs }))!.Trim();
        await viewer.WaitForSelectorAsync($"body[data-joined-as='{sub}'][data-connection='connected']", new() { Timeout = WaitMs, State = WaitForSelectorState.Attached });
        return sub;
    }

    /// <summary>Opens the studio, signs in as <paramref name="creatorId"/> and opens the stream's control room.</summary>
    protected async Task<IPage> OpenStudioAsync(IBrowserContext context, string creatorId, string streamId)
    {
        var studio = await OpenAsync(context, "/studio");
        await studio.Locator("#creator-sub").FillAsync(creatorId, new() { Timeout = WaitMs });
        await studio.Locator("#dev-signin button[type=submit]").ClickAsync(new() { Timeout = WaitMs });
        await studio.Locator($"#my-streams [data-stream-id='{streamId}']").ClickAsync(new() { Timeout = WaitMs });
        await studio.WaitForSelectorAsync("#studio-conn[data-state='connected']", new() { Timeout = WaitMs, State = WaitForSelectorState.Attached });
        return studio;
    }

    /// <summary>Saves a screenshot under artifacts/screenshots/.</summary>
    protected async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var path = Artifacts.Screenshot(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        Output.WriteLine($"screenshot: {path}");
    }

    /// <summary>Text with non-breaking and narrow spaces made plain, as Intl puts them in money.</summary>
    protected static string Plain(string? text) =>
        (text ?? string.Empty).Replace('\u00A0', ' ').Replace('\u202F', ' ').Trim();
}
