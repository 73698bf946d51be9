using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>
/// The seeded world: one stream of 20 products (8 <c>local-sme</c>, 2 <c>platform</c>, 10 <c>brand</c>) in 4
/// categories with varied prices, and viewers with hidden category tastes and 1–2 favourite products. The
/// attractiveness a(v, p), the chance that viewer v clicks product p once they look at it, is
/// <c>0.02 + 0.58 · σ(−1.6 + 0.9·quality + 0.9·taste(category) + 2.5·favourite − 0.3·price z-score)</c>, in about
/// [0.02, 0.6]. The creator's order is a shuffle drawn apart from everything else, so it says nothing about quality.
/// </summary>
public sealed class SimWorld
{
    /// <summary>The category names, by index.</summary>
    public static readonly IReadOnlyList<string> Categories = ["batik", "hijab", "skincare", "snacks"];

    /// <summary>The lowest attractiveness.</summary>
    public const double LeastAttractiveness = 0.02;

    /// <summary>The highest attractiveness.</summary>
    public const double MostAttractiveness = 0.6;

    private const int LocalProducts = 8;
    private const int PlatformProducts = 2;
    private const int BrandProducts = 10;
    private const double Intercept = -1.6;
    private const double QualityWeight = 0.9;
    private const double TasteWeight = 0.9;
    private const double FavouriteBonus = 2.5;
    private const double PriceWeight = -0.3;

    private readonly double[,] _attractiveness;

    private SimWorld(IReadOnlyList<SimProduct> products, IReadOnlyList<SimViewer> viewers, IReadOnlyList<int> creatorOrder)
    {
        Products = products;
        Viewers = viewers;
        CreatorOrder = creatorOrder;
        var logPrices = products.Select(p => Math.Log(p.PriceMinor)).ToArray();
        var mean = logPrices.Average();
        var spread = Math.Sqrt(logPrices.Average(x => (x - mean) * (x - mean)));
        _attractiveness = new double[viewers.Count, products.Count];
        foreach (var viewer in viewers)
        {
            foreach (var product in products)
            {
                var z = Intercept
                    + (QualityWeight * product.Quality)
                    + (TasteWeight * viewer.Tastes[product.Category])
                    + (viewer.Favourites.Contains(product.Index) ? FavouriteBonus : 0)
                    + (PriceWeight * (logPrices[product.Index] - mean) / spread);
                _attractiveness[viewer.Index, product.Index] =
                    LeastAttractiveness + ((MostAttractiveness - LeastAttractiveness) / (1 + Math.Exp(-z)));
            }
        }
    }

    /// <summary>The products, by index.</summary>
    public IReadOnlyList<SimProduct> Products { get; }

    /// <summary>The viewers, by index.</summary>
    public IReadOnlyList<SimViewer> Viewers { get; }

    /// <summary>The stream's list as the creator made it: product indices, first to last.</summary>
    public IReadOnlyList<int> CreatorOrder { get; }

    /// <summary>The number of sellers the products come from.</summary>
    public int Sellers => Products.Max(p => p.SellerIndex) + 1;

    /// <summary>Builds the world of a seed.</summary>
    /// <param name="seed">The simulation's seed.</param>
    /// <param name="viewers">How many viewers.</param>
    /// <returns>The world.</returns>
    public static SimWorld Create(int seed, int viewers)
    {
        var random = Seeds.For(seed, 1);
        var count = LocalProducts + PlatformProducts + BrandProducts;
        var categories = Enumerable.Range(0, count).Select(i => i % Categories.Count).ToArray();
        random.Shuffle(categories);
        var products = new List<SimProduct>(count);
        for (var i = 0; i < count; i++)
        {
            var (kind, seller) = i < LocalProducts ? (SellerKinds.LocalSme, i / 2)
                : i < LocalProducts + PlatformProducts ? (SellerKinds.Platform, LocalProducts / 2)
                : (SellerKinds.Brand, (LocalProducts / 2) + 1 + ((i - LocalProducts - PlatformProducts) / 2));
            var price = Math.Round(Math.Exp(Math.Log(20_000) + (random.NextDouble() * Math.Log(100))) / 500) * 500;
            products.Add(new SimProduct(i, $"P{i:D2}", kind, seller, categories[i], (long)price, Normal(random), 0.05 + (0.3 * random.NextDouble())));
        }

        var people = new List<SimViewer>(viewers);
        for (var v = 0; v < viewers; v++)
        {
            var tastes = Enumerable.Range(0, Categories.Count).Select(_ => Normal(random)).ToArray();
            var favourites = new HashSet<int>();
            var wanted = 1 + random.Next(2);
            while (favourites.Count < wanted)
            {
                favourites.Add(random.Next(count));
            }

            people.Add(new SimViewer(v, tastes, favourites));
        }

        var order = Enumerable.Range(0, count).ToArray();
        Seeds.For(seed, 2).Shuffle(order);
        return new SimWorld(products, people, order);
    }

    /// <summary>a(v, p): the chance that <paramref name="viewer"/> clicks <paramref name="product"/> when they look at it.</summary>
    /// <param name="viewer">The viewer index.</param>
    /// <param name="product">The product index.</param>
    /// <returns>The attractiveness.</returns>
    public double Attractiveness(int viewer, int product) => _attractiveness[viewer, product];

    /// <summary>The mean attractiveness of a product over all viewers.</summary>
    /// <param name="product">The product index.</param>
    /// <returns>The mean.</returns>
    public double MeanAttractiveness(int product) => Enumerable.Range(0, Viewers.Count).Average(v => _attractiveness[v, product]);

    /// <summary>The products with the highest mean attractiveness over viewers, best first.</summary>
    /// <param name="count">How many.</param>
    /// <returns>Product indices.</returns>
    public IReadOnlyList<int> BestOnAverage(int count) =>
        [.. Enumerable.Range(0, Products.Count).OrderByDescending(MeanAttractiveness).ThenBy(p => p).Take(count)];

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
