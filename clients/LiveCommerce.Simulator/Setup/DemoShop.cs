using LiveCommerce.Client;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;

namespace LiveCommerce.Simulator.Setup;

/// <summary>Creates the products and the live stream a scenario runs in, as a fresh creator.</summary>
public static class DemoShop
{
    /// <summary>Creates <paramref name="products"/> products with <paramref name="stock"/> units each and a live stream listing them.</summary>
    public static async Task<(LiveStream Stream, IReadOnlyList<Product> Products, LiveApiClient Creator)> OpenAsync(
        HttpClient http, TokenSource tokens, int products, int stock)
    {
        var creatorId = "sim-creator-" + Guid.NewGuid().ToString("N")[..8];
        var creator = new LiveApiClient(http, await tokens.ForAsync(creatorId, "creator", "seller"));
        var created = new List<Product>();
        for (var i = 0; i < products; i++)
        {
            created.Add(await creator.CreateProductAsync(new CreateProductRequest
            {
                Sku = $"SIM-{Guid.NewGuid():N}"[..16],
                Name = $"Batik Simulasi {i + 1}",
                Category = "batik",
                Price = new Money(150_000 + (i * 10_000), "IDR"),
                Stock = stock,
                SellerKind = i % 3 == 2 ? SellerKinds.Brand : SellerKinds.LocalSme,
            }));
        }

        var stream = await creator.CreateStreamAsync(new CreateStreamRequest { Title = "Simulated live sale", ProductIds = [.. created.Select(p => p.Id)] });
        return (await creator.StartStreamAsync(stream.Id), created, creator);
    }
}
