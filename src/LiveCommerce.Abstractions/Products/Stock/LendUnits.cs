namespace LiveCommerce.Abstractions.Products.Stock;

/// <summary>Moves units from stock to a flash offer; refused (409) when the stock is short.</summary>
[GenerateSerializer, Immutable, Alias("lc.LendUnits")]
public sealed record LendUnits(string Id, [property: Id(0)] int Quantity) : StockOperation(Id);
