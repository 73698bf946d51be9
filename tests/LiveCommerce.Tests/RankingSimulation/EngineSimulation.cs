using System.Diagnostics;
using System.Globalization;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Testing;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>
/// Plays the world against one running engine through its public surface only: sellers create the products over
/// HTTP, the creator lists them in the creator's order and starts the stream, and in every round each signed-in
/// viewer joins over a real SignalR connection, takes the ranked <c>products</c>, clicks (<c>ViewProduct</c>) and
/// adds to cart as the click model draws, then leaves (<c>LeaveStream</c>) or drops the connection. Between rounds
/// it waits until the stream's analytics count the round, then gives the engine time to learn. After the last
/// round it reads the creator's pin suggestions and the analytics.
/// </summary>
/// <param name="world">The world.</param>
/// <param name="clicks">The click model.</param>
/// <param name="options">The options.</param>
public sealed class EngineSimulation(SimWorld world, ClickModel clicks, SimulationOptions options)
{
    /// <summary>The environment variable naming a file prefix the engine's exported ranking log is written to, per mode.</summary>
    public const string LogsVariable = "LIVECOMMERCE_RANKSIM_LOGS";

    /// <summary>Runs the simulation against <paramref name="host"/>.</summary>
    /// <param name="host">A started engine.</param>
    /// <param name="mode">The engine's mode, for the report.</param>
    /// <returns>What the run recorded.</returns>
    public async Task<ModeRun> RunAsync(EngineHost host, string mode)
    {
        ArgumentNullException.ThrowIfNull(host);
        var clock = Stopwatch.StartNew();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var notes = new List<string>();
        var productIds = new string[world.Products.Count];

        // Local shops and the platform's own shop are verified by an admin, as the floor counts verified sellers only.
        var admin = host.Api($"sim-admin-{tag}", "admin");
        foreach (var seller in world.Products.GroupBy(p => p.SellerIndex))
        {
            var kind = seller.First().SellerKind;
            if (kind is SellerKinds.LocalSme or SellerKinds.Platform)
            {
                await admin.VerifySellerAsync($"sim-seller-{seller.Key}-{tag}", kind);
            }
        }

        foreach (var product in world.Products)
        {
            var seller = host.Api($"sim-seller-{product.SellerIndex}-{tag}", "seller");
            productIds[product.Index] = (await seller.CreateProductAsync(new CreateProductRequest
            {
                Sku = $"SIM-{tag}-{product.Index:D2}",
                Name = $"{SimWorld.Categories[product.Category]} {product.Label}",
                Category = SimWorld.Categories[product.Category],
                Price = new Money(product.PriceMinor, "IDR"),
                Stock = 100_000,
                SellerKind = product.SellerKind,
                Origin = "ID",
            })).Id;
        }

        var indexOf = productIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var creator = host.Api($"sim-creator-{tag}", "creator");
        var stream = await creator.CreateStreamAsync(new CreateStreamRequest
        {
            Title = "Ranking simulation",
            ProductIds = [.. world.CreatorOrder.Select(i => productIds[i])],
        });
        await creator.StartStreamAsync(stream.Id);

        var lists = new List<ShownList>(options.Viewers * options.Rounds);
        var connections = new LiveViewerClient?[world.Viewers.Count];
        var refused = 0;
        var unknown = 0;
        long impressions = 0, clicked = 0, carted = 0;
        try
        {
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var viewer in world.Viewers)
                {
                    var connection = connections[viewer.Index] ??= await host.ConnectViewerAsync(ViewerId(viewer.Index, tag));
                    var snapshot = await connection.JoinStreamAsync(stream.Id);
                    var list = new List<int>(snapshot.Products.Count);
                    foreach (var card in snapshot.Products)
                    {
                        if (indexOf.TryGetValue(card.ProductId, out var index))
                        {
                            list.Add(index);
                        }
                        else
                        {
                            unknown++;
                        }
                    }

                    impressions += snapshot.Products.Count;
                    var random = Seeds.For(options.Seed, 3, round, viewer.Index);
                    int sentClicks = 0, sentCarts = 0;
                    foreach (var (product, addToCart) in clicks.Act(viewer.Index, list, random))
                    {
                        try
                        {
                            await connection.ViewProductAsync(stream.Id, productIds[product]);
                            sentClicks++;
                            if (addToCart)
                            {
                                await connection.AddToCartAsync(stream.Id, productIds[product], 1);
                                sentCarts++;
                            }
                        }
                        catch (HubException)
                        {
                            refused++;
                        }
                    }

                    clicked += sentClicks;
                    carted += sentCarts;
                    lists.Add(new ShownList(round, viewer.Index, list, sentClicks, sentCarts));
                    if (random.NextDouble() < options.DisconnectShare)
                    {
                        await connection.DisposeAsync();
                        connections[viewer.Index] = null;
                    }
                    else
                    {
                        await connection.LeaveStreamAsync(stream.Id);
                    }
                }

                if (!await CountedAsync(creator, stream.Id, impressions, clicked, carted))
                {
                    notes.Add($"round {round}: the analytics did not reach {clicked} clicks, {carted} carts and {impressions} impressions within {options.CountTimeout.TotalSeconds:F0} s");
                }

                await Task.Delay(options.SettleDelay);
            }

            var suggestions = await creator.GetSuggestionsAsync(stream.Id);
            var analytics = await creator.GetStreamAnalyticsAsync(stream.Id);
            if (refused > 0)
            {
                notes.Add($"{refused} hub calls were refused");
            }

            if (unknown > 0)
            {
                notes.Add($"{unknown} listed products were not the stream's");
            }

            if (Environment.GetEnvironmentVariable(LogsVariable) is { Length: > 0 } logs)
            {
                // The engine's own ranking log, as an operator exports it, for RankerLab --logs.
                await Task.Delay(TimeSpan.FromSeconds(1));
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/ranking-log?count=100000");
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.For($"sim-admin-{tag}", "admin"));
                using var response = await host.Http.SendAsync(request);
                var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Where(l => l.Contains(stream.Id, StringComparison.Ordinal));
                await File.WriteAllLinesAsync($"{logs}.{mode}.jsonl", lines);
            }

            return new ModeRun(
                mode,
                clock.Elapsed,
                lists,
                [.. suggestions.Where(s => indexOf.ContainsKey(s.ProductId)).Select(s => new SuggestionSeen(indexOf[s.ProductId], s.Score, s.Reasons))],
                [.. analytics.Products.Where(p => indexOf.ContainsKey(p.ProductId))
                    .Select(p => new ProductCounts(indexOf[p.ProductId], p.Impressions, p.Clicks, p.AddToCarts))],
                notes);
        }
        finally
        {
            foreach (var connection in connections)
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }
    }

    private static string ViewerId(int viewer, string tag) => string.Create(CultureInfo.InvariantCulture, $"sim-viewer-{viewer:D3}-{tag}");

    private async Task<bool> CountedAsync(LiveApiClient creator, string streamId, long impressions, long clicked, long carted)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var analytics = await creator.GetStreamAnalyticsAsync(streamId);
            if (analytics.Products.Sum(p => p.Impressions) >= impressions
                && analytics.Products.Sum(p => p.Clicks) >= clicked
                && analytics.Products.Sum(p => p.AddToCarts) >= carted)
            {
                return true;
            }

            if (deadline.Elapsed > options.CountTimeout)
            {
                return false;
            }

            await Task.Delay(100);
        }
    }
}
