namespace LiveCommerce.Contracts.Products;

/// <summary>
/// Where every unit of a product is: on sale (<see cref="Stock"/>), lent to flash offers and not yet sold or
/// given back (<see cref="InOffers"/>), or sold. The three always add up to <see cref="Received"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("lc.Inventory")]
public sealed record Inventory(
    [property: Id(0)] int Received,
    [property: Id(1)] int Stock,
    [property: Id(2)] int InOffers,
    [property: Id(3)] int Sold);
