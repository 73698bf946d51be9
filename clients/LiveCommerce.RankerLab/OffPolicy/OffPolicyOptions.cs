namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>Settings of an off-policy evaluation of ranked-list logs.</summary>
public sealed record OffPolicyOptions
{
    /// <summary>Default Monte-Carlo draws per distinct list for the position marginals.</summary>
    public const int DefaultMarginalSamples = 20_000;

    /// <summary>The JSON-lines file of <see cref="Ranking.Policy.RankedListLog"/> records.</summary>
    public string? LogsPath { get; init; }

    /// <summary>Scale-free temperatures of the target policies (the logging policy at another temperature; 0 = greedy).</summary>
    public IReadOnlyList<double> TargetTemperatures { get; init; } = [0.0];

    /// <summary>Monte-Carlo draws per distinct list for each policy's position marginals (exact at temperature 0 and for lists of at most 6).</summary>
    public int MarginalSamples { get; init; } = DefaultMarginalSamples;

    /// <summary>Paired bootstrap replicates for the 95% intervals; 0 for point estimates only.</summary>
    public int BootstrapSamples { get; init; } = 1000;

    /// <summary>Seed of the Monte-Carlo marginals and of the bootstrap.</summary>
    public int Seed { get; init; } = 20250101;

    /// <summary>The outcome counted per list.</summary>
    public OffPolicyMetric Metric { get; init; } = OffPolicyMetric.Clicks;

    /// <summary>Ratio iterations of the position-based reward model (stops earlier once converged).</summary>
    public int RewardModelIterations { get; init; } = 200;
}
