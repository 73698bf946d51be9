namespace LiveCommerce.Contracts.Streams;

/// <summary>A body naming one product: <c>POST /api/streams/{id}/pin</c> and <c>/products</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.ProductRef")]
public sealed record ProductRef
{
    /// <summary>The product's id.</summary>
    [Id(0)] public string? ProductId { get; init; }
}
