namespace LiveCommerce.Abstractions.Products.Stock;

/// <summary>
/// The recorded compensation of <paramref name="TargetId"/>: when the target was applied it is reversed; when
/// it was not, it is marked cancelled, so a late copy of it changes nothing. Undoing twice changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("lc.UndoOperation")]
public sealed record UndoOperation(string Id, [property: Id(0)] string TargetId) : StockOperation(Id);
