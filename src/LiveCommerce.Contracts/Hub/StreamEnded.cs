namespace LiveCommerce.Contracts.Hub;

/// <summary>The stream is over.</summary>
[GenerateSerializer, Immutable, Alias("lc.StreamEnded")]
public sealed record StreamEnded([property: Id(0)] string StreamId);
