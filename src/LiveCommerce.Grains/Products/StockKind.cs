namespace LiveCommerce.Grains.Products;

/// <summary>The kinds of stock operation a product records.</summary>
[GenerateSerializer, Alias("lc.StockKind")]
public enum StockKind : byte
{
    /// <summary>Stock lent to a flash offer.</summary>
    Lend = 0,

    /// <summary>Offer units given back to stock.</summary>
    Return = 1,

    /// <summary>Offer units sold.</summary>
    OfferSale = 2,

    /// <summary>Stock sold to an order.</summary>
    Sale = 3,

    /// <summary>An operation that was cancelled before it was ever applied: a late copy of it changes nothing.</summary>
    Cancelled = 4,
}
