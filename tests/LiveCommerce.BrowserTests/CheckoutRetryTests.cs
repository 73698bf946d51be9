using System.Text.RegularExpressions;
using LiveCommerce.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LiveCommerce.BrowserTests;

/// <summary>Which checkout key the viewer page uses next: the same after a lost answer, a new one after a refusal.</summary>
public sealed class CheckoutRetryTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string PendingKeyScript = "(id) => sessionStorage.getItem('livecommerce.checkout.' + id)";

    [Fact]
    public async Task A_checkout_whose_answer_is_lost_is_retried_with_the_same_key_and_shows_the_one_order()
    {
        var (_, creator) = NewCreator();
        var product = await creator.CreateProductAsync(Product("Tunik Rayon Motif Bunga", 120_000, "IDR", stock: 5));
        var stream = await LiveStreamAsync(creator, "Lost answer", [product.Id]);
        await creator.PinAsync(stream.Id, product.Id);

        await using var context = await Fixture.NewContextAsync();
        // The hub's WebSocket goes through the test: the first Checkout reaches the engine, its answer does not.
        var armed = true;
        await context.RouteWebSocketAsync(new Regex(@"/hubs/live\?"), page =>
        {
            var server = page.ConnectToServer();
            var lossy = false;
            page.OnMessage(frame =>
            {
                if (frame.Text is not { } text)
                {
                    server.Send(frame.Binary ?? []);
                    return;
                }

                if (armed && text.Contains("\"target\":\"Checkout\"", StringComparison.Ordinal))
                {
                    armed = false;
                    lossy = true;
                }

                server.Send(text);
            });
            server.OnMessage(frame =>
            {
                if (!lossy)
                {
                    if (frame.Text is { } text)
                    {
                        page.Send(text);
                    }
                    else
                    {
                        page.Send(frame.Binary ?? []);
                    }
                }
                else if (frame.Text?.Contains("\"type\":3", StringComparison.Ordinal) == true)
                {
                    _ = page.CloseAsync(new() { Code = 1011, Reason = "lost" });
                    _ = server.CloseAsync();
                }
            });
        });

        var viewer = await OpenViewerAsync(context, stream.Id);
        var sub = await DemoSignInAsync(viewer);
        await viewer.ClickAsync($"#pinned[data-product-id='{product.Id}'] .pinned-add", new() { Timeout = WaitMs });
        await viewer.ClickAsync("#cart-button");
        await viewer.ClickAsync("#checkout");

        // The page rejoined and read the engine's cart (the order took the line) and keeps the key for a retry.
        await viewer.Locator("#cart-lines .empty").WaitForAsync(new() { Timeout = WaitMs });
        await Assertions.Expect(viewer.Locator("#checkout")).ToHaveTextAsync("Retry checkout", new() { Timeout = WaitMs });
        var key = await viewer.EvaluateAsync<string?>(PendingKeyScript, stream.Id);
        Assert.NotNull(key);

        await viewer.ClickAsync("#checkout");
        var modal = viewer.Locator("#order-modal");
        await modal.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = WaitMs });
        var orders = await Fixture.Engine.Api(sub, "viewer").ListOrdersAsync();
        var order = Assert.Single(orders.Items);
        Assert.Equal(order.Id, await modal.GetAttributeAsync("data-order-id"));
        Assert.Contains(order.IdempotencyKey!, key, StringComparison.Ordinal);
        Assert.Null(await viewer.EvaluateAsync<string?>(PendingKeyScript, stream.Id));
    }

    [Fact]
    public async Task A_refused_checkout_starts_a_new_attempt()
    {
        var (_, creator) = NewCreator();
        var product = await creator.CreateProductAsync(Product("Hijab Voal Motif Limited", 95_000, "IDR", stock: 1));
        var stream = await LiveStreamAsync(creator, "Last one", [product.Id]);
        await creator.PinAsync(stream.Id, product.Id);

        await using var context = await Fixture.NewContextAsync();
        var viewer = await OpenViewerAsync(context, stream.Id);
        await DemoSignInAsync(viewer);
        await viewer.ClickAsync($"#pinned[data-product-id='{product.Id}'] .pinned-add", new() { Timeout = WaitMs });

        // Someone else buys the last unit first.
        await using (var other = await Fixture.Engine.ConnectViewerAsync("buyer-" + Guid.NewGuid().ToString("N")[..8]))
        {
            await other.JoinStreamAsync(stream.Id);
            await other.AddToCartAsync(stream.Id, product.Id, 1);
            await other.CheckoutAsync(Guid.NewGuid().ToString("N"));
        }

        await viewer.ClickAsync("#cart-button");
        await viewer.ClickAsync("#checkout");
        await Assertions.Expect(viewer.Locator(".toast.error")).ToContainTextAsync("nothing was charged", new() { Timeout = WaitMs });
        await Assertions.Expect(viewer.Locator("#checkout")).ToHaveTextAsync("Checkout", new() { Timeout = WaitMs });
        Assert.Null(await viewer.EvaluateAsync<string?>(PendingKeyScript, stream.Id));
    }
}
