namespace LiveCommerce.Grains.Sales;

/// <summary>The stored state of a <see cref="StreamSalesGrain"/>.</summary>
[GenerateSerializer, Alias("lc.StreamSalesState")]
public sealed record StreamSalesState
{
    /// <summary>The sales that run now, by id, with their kind (<see cref="SaleKind"/>).</summary>
    [Id(0)] public Dictionary<string, string> Running { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sales whose start may not have been announced yet (a crash or a cut came between); announced on activation.</summary>
    [Id(1)] public HashSet<string> Unannounced { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every sale the stream ever ran, by id, with its kind: the stream's creator cancels and reads them by id.</summary>
    [Id(2)] public Dictionary<string, string> All { get; set; } = new(StringComparer.Ordinal);
}
