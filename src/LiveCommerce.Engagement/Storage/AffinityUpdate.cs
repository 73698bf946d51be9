namespace LiveCommerce.Engagement.Storage;

/// <summary>Weights to add to one viewer's affinity scores, as of <see cref="AtUnixSeconds"/>.</summary>
public sealed class AffinityUpdate
{
    /// <summary>The latest event time of the batch for this viewer, in Unix seconds: scores are decayed to it first.</summary>
    public double AtUnixSeconds { get; internal set; }

    /// <summary>Weight by field (<c>c|category</c>, <c>s|seller</c>, <c>p|product</c>).</summary>
    public Dictionary<string, double> Weights { get; } = new(StringComparer.Ordinal);
}
