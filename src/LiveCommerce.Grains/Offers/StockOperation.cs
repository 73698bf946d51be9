namespace LiveCommerce.Grains.Offers;

/// <summary>A change an offer asks of its product's stock.</summary>
[GenerateSerializer, Immutable, Alias("lc.StockOperation")]
public sealed record StockOperation([property: Id(0)] string Kind, [property: Id(1)] int Quantity)
{
    /// <summary>Units go back to the product's stock.</summary>
    public const string Return = "return";

    /// <summary>Units were sold.</summary>
    public const string Sale = "sale";

    /// <summary>A sale was undone: the units are the offer's again.</summary>
    public const string Unsale = "unsale";
}
