using System.Net.Http.Json;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Simulator.Baseline;
using LiveCommerce.Simulator.Scenarios;
using LiveCommerce.Simulator.Setup;
using LiveCommerce.Simulator.Swarm;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.LoadClient;

/// <summary>The bare-socket viewers against the real hub, and against the raw broadcast baseline.</summary>
public sealed class RawSocketSwarmTests(EmbeddedEngineFixture fixture) : IClassFixture<EmbeddedEngineFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task BareSocketViewersJoinGetThePinAndCallTheHub()
    {
        var host = fixture.Host;
        var tokens = new TokenSource(host.Http, TestTokens.SigningKey);
        var (stream, products, creator) = await DemoShop.OpenAsync(host.Http, tokens, products: 1, stock: 5);
        var pins = new int[3];
        var everyone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = 0;
        await using var swarm = new RawSocketSwarm((viewer, kind, bytes, _) =>
        {
            if (kind == HubEventKind.ProductPinned && bytes > 0 && Interlocked.Exchange(ref pins[viewer.Index], 1) == 0 && Interlocked.Increment(ref reached) == 3)
            {
                everyone.TrySetResult();
            }
        });

        // Two signed-in viewers and one anonymous one, as the hub lets anyone watch.
        var hub = BenchTarget.SocketOf(host.BaseAddress, baseline: false);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await swarm.ConnectAsync(3, 3, _ => hub, async i => i < 2 ? await tokens.ForAsync($"raw-{suffix}-{i}", "viewer") : null, BenchTarget.Join(stream.Id), null);
        await creator.PinAsync(stream.Id, products[0].Id);
        await everyone.Task.WaitAsync(Patience);

        var ping = await swarm.Viewers[2].InvokeAsync(new InvocationTemplate(HubMethods.Ping));
        Assert.True(ping.Succeeded);
        Assert.True(ping.Milliseconds >= 0);

        var offer = await creator.CreateOfferAsync(stream.Id, new CreateOfferRequest
        {
            ProductId = products[0].Id,
            Price = new Money(products[0].Price.Amount / 2, products[0].Price.Currency),
            Quantity = 1,
            DurationSeconds = 60,
            PerViewerLimit = 1,
        });
        var claim = new InvocationTemplate(HubMethods.ClaimOffer, stream.Id, offer.Id);
        var first = await swarm.Viewers[0].InvokeAsync(claim);
        var second = await swarm.Viewers[1].InvokeAsync(claim);
        var anonymous = await swarm.Viewers[2].InvokeAsync(claim);

        Assert.Equal(ClaimStatus.Reserved, first.Status);
        Assert.Equal(ClaimStatus.SoldOut, second.Status);
        Assert.False(anonymous.Succeeded);
        Assert.Contains("Sign in", anonymous.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBaselineSendsEachBroadcastToEverySocketItHolds()
    {
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        using var stopping = new CancellationTokenSource();
        var serving = BroadcastBaseline.RunAsync(address, stopping.Token);
        using var http = new HttpClient { BaseAddress = address };
        await WaitUntilAsync(async () => await CountAsync(http) == 0);

        var frame = BenchTarget.ProductPinnedFrame();
        var sizes = new int[4];
        var reached = 0;
        var everyone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var swarm = new RawSocketSwarm((viewer, kind, bytes, _) =>
        {
            if (kind == HubEventKind.ProductPinned && Interlocked.Exchange(ref sizes[viewer.Index], bytes) == 0 && Interlocked.Increment(ref reached) == sizes.Length)
            {
                everyone.TrySetResult();
            }
        });
        await swarm.ConnectAsync(sizes.Length, 2, _ => BenchTarget.SocketOf(address, baseline: true), _ => Task.FromResult<string?>(null), null, null);
        await WaitUntilAsync(async () => await CountAsync(http) == sizes.Length);

        using var answer = await http.PostAsync(new Uri("/broadcast", UriKind.Relative), new ByteArrayContent(frame));
        answer.EnsureSuccessStatusCode();
        var report = await answer.Content.ReadFromJsonAsync<BroadcastReport>();
        await everyone.Task.WaitAsync(Patience);

        Assert.NotNull(report);
        Assert.Equal(new BroadcastReport(sizes.Length, 0), report with { LoopMs = 0 });
        Assert.All(sizes, size => Assert.Equal(frame.Length, size));

        await swarm.DisposeAsync();
        await WaitUntilAsync(async () => await CountAsync(http) == 0);
        await stopping.CancelAsync();
        await serving.WaitAsync(Patience);
    }

    private static async Task<int> CountAsync(HttpClient http)
    {
        try
        {
            return int.Parse(await http.GetStringAsync(new Uri("/count", UriKind.Relative)), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return -1;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }

    private sealed record BroadcastReport(int Sent, int Failed, double LoopMs = 0);
}
