using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>One product of the simulated stream, with what the engine never sees: its quality and how often a click on it ends in the cart.</summary>
/// <param name="Index">Its index in the world (0-based), also its SKU suffix.</param>
/// <param name="Label">A short label for the report (<c>P07</c>).</param>
/// <param name="SellerKind">The wire name of its seller kind (<c>local-sme</c>, <c>platform</c>, <c>brand</c>).</param>
/// <param name="SellerIndex">Which simulated seller lists it.</param>
/// <param name="Category">Its category index (0-based).</param>
/// <param name="PriceMinor">Its price in rupiah.</param>
/// <param name="Quality">The hidden quality: the share of attractiveness every viewer agrees on.</param>
/// <param name="CartProbability">The hidden chance that a click on it is followed by an add-to-cart.</param>
public sealed record SimProduct(
    int Index, string Label, string SellerKind, int SellerIndex, int Category, long PriceMinor, double Quality, double CartProbability)
{
    /// <summary>Whether it is sold by a local seller (the exposure floor's group).</summary>
    public bool IsLocal => SellerKind == LiveCommerce.Contracts.Products.SellerKinds.LocalSme;
}
