namespace LiveCommerce.Abstractions.Products.Stock;

/// <summary>Sells units from stock to an order; refused (409, naming the product) when the stock is short.</summary>
[GenerateSerializer, Immutable, Alias("lc.SellUnits")]
public sealed record SellUnits(string Id, [property: Id(0)] int Quantity) : StockOperation(Id);
