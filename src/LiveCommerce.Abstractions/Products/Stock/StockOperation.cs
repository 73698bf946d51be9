namespace LiveCommerce.Abstractions.Products.Stock;

/// <summary>
/// One change to a product's stock, named by an id that its sender never reuses for other work. The product
/// applies each id at most once and remembers every id it has seen, so a retry or a late duplicate changes
/// nothing; a change is only ever taken back by an <see cref="UndoOperation"/> naming it.
/// </summary>
/// <param name="Id">Unique per piece of work (e.g. an offer's lend, an order attempt's line).</param>
[GenerateSerializer, Immutable, Alias("lc.StockOperation")]
public abstract record StockOperation([property: Id(0)] string Id);
