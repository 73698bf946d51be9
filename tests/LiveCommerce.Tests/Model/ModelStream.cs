namespace LiveCommerce.Tests.Model;

/// <summary>A stream of the model.</summary>
public sealed class ModelStream
{
    /// <summary>The engine's stream id.</summary>
    public required string Id { get; init; }

    /// <summary>scheduled, live or ended.</summary>
    public string Status { get; set; } = "scheduled";

    /// <summary>Indexes of the listed products.</summary>
    public required List<int> Products { get; init; }
}
