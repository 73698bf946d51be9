namespace LiveCommerce.Contracts.Hub;

/// <summary>The pinned product was taken down.</summary>
[GenerateSerializer, Immutable, Alias("lc.ProductUnpinned")]
public sealed record ProductUnpinned([property: Id(0)] string StreamId);
