namespace LiveCommerce.Tests.Model;

/// <summary>A product of the model.</summary>
public sealed class ModelProduct
{
    /// <summary>The engine's product id.</summary>
    public required string Id { get; init; }

    /// <summary>The stock it was created with.</summary>
    public required int Created { get; init; }

    /// <summary>List price in minor units.</summary>
    public required long Price { get; init; }

    /// <summary>Units sold from stock by regular lines.</summary>
    public int RegularSold { get; set; }
}
