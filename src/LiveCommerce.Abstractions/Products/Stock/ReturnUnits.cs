namespace LiveCommerce.Abstractions.Products.Stock;

/// <summary>Gives units an offer neither held nor sold back to stock.</summary>
[GenerateSerializer, Immutable, Alias("lc.ReturnUnits")]
public sealed record ReturnUnits(string Id, [property: Id(0)] int Quantity) : StockOperation(Id);
