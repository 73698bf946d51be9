namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>A point estimate with a bootstrap 95% percentile interval.</summary>
/// <param name="Value">The point estimate on the full sample.</param>
/// <param name="Lower">2.5th percentile of the bootstrap replicates.</param>
/// <param name="Upper">97.5th percentile of the bootstrap replicates.</param>
public sealed record Estimate(double Value, double Lower, double Upper);
