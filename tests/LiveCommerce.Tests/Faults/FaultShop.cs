using LiveCommerce.Client;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Tests.Infrastructure;

namespace LiveCommerce.Tests.Faults;

/// <summary>Sets up a live stream and its products over HTTP and enters them in a <see cref="CommerceLedger"/>.</summary>
public static class FaultShop
{
    /// <summary>
    /// A live stream of a new creator (who also sells) listing one new product per entry of <paramref name="stocks"/>,
    /// created with that stock; <paramref name="api"/> gives a client as a user with roles.
    /// </summary>
    public static async Task<(LiveStream Stream, IReadOnlyList<Product> Products, string CreatorId)> OpenAsync(
        Func<string, string[], LiveApiClient> api, CommerceLedger ledger, params int[] stocks)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(stocks);
        var creatorId = "creator-" + Guid.NewGuid().ToString("N")[..8];
        var creator = api(creatorId, ["creator", "seller"]);
        var products = new List<Product>();
        foreach (var stock in stocks)
        {
            var product = await creator.CreateProductAsync(Catalog.Product(stock: stock));
            ledger.Product(product.Id, stock);
            products.Add(product);
        }

        var stream = await creator.CreateStreamAsync(new CreateStreamRequest { Title = "Fault run", ProductIds = [.. products.Select(p => p.Id)] });
        stream = await creator.StartStreamAsync(stream.Id);
        return (stream, products, creatorId);
    }
}
