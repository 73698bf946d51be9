namespace LiveCommerce.Abstractions.Products.Stock;

/// <summary>Records units an offer sold: they leave the offer's share and count as sold.</summary>
[GenerateSerializer, Immutable, Alias("lc.SellOfferUnits")]
public sealed record SellOfferUnits(string Id, [property: Id(0)] int Quantity) : StockOperation(Id);
