namespace LiveCommerce.Contracts.Hub;

/// <summary>How many viewers watch a stream now (folded: at most a few a second).</summary>
[GenerateSerializer, Immutable, Alias("lc.ViewerCount")]
public sealed record ViewerCount([property: Id(0)] string StreamId, [property: Id(1)] int Count);
