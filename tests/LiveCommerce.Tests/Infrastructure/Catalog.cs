using LiveCommerce.Client;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Testing;

namespace LiveCommerce.Tests.Infrastructure;

/// <summary>Builders for the products and streams the tests need.</summary>
public static class Catalog
{
    /// <summary>A valid product request with a fresh SKU.</summary>
    public static CreateProductRequest Product(string? name = null, long price = 150_000, int stock = 10, string kind = SellerKinds.LocalSme) => new()
    {
        Sku = "SKU-" + Guid.NewGuid().ToString("N")[..10],
        Name = name ?? "Batik Tulis " + Guid.NewGuid().ToString("N")[..4],
        Category = "batik",
        Price = new Money(price, "IDR"),
        Stock = stock,
        SellerKind = kind,
        Origin = "ID",
    };

    /// <summary>A live stream owned by <paramref name="creatorId"/>, listing <paramref name="products"/> new products.</summary>
    public static async Task<(LiveStream Stream, IReadOnlyList<Product> Products, LiveApiClient Creator)> LiveStreamAsync(
        EngineHost host, string? creatorId = null, int products = 2, bool start = true)
    {
        creatorId ??= "creator-" + Guid.NewGuid().ToString("N")[..8];
        var creator = host.Api(creatorId, "creator", "seller");
        var created = new List<Product>();
        for (var i = 0; i < products; i++)
        {
            created.Add(await creator.CreateProductAsync(Product()));
        }

        var stream = await creator.CreateStreamAsync(new CreateStreamRequest { Title = "Live test", ProductIds = [.. created.Select(p => p.Id)] });
        if (start)
        {
            stream = await creator.StartStreamAsync(stream.Id);
        }

        return (stream, created, creator);
    }
}
