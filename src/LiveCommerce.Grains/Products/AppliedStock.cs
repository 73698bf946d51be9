namespace LiveCommerce.Grains.Products;

/// <summary>What a product remembers of one stock operation it has seen: its kind, units, and whether it was undone.</summary>
[GenerateSerializer, Immutable, Alias("lc.AppliedStock")]
public sealed record AppliedStock(
    [property: Id(0)] StockKind Kind,
    [property: Id(1)] int Quantity,
    [property: Id(2)] bool Undone);
