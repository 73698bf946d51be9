namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>Off-policy estimates of one evaluated policy's click-through rate.</summary>
/// <param name="Policy">Short name.</param>
/// <param name="Description">What the policy does.</param>
/// <param name="Ips">Inverse propensity scoring.</param>
/// <param name="Snips">Self-normalised IPS.</param>
/// <param name="Dr">Doubly robust (clipped to [0, 1]).</param>
/// <param name="MatchedRows">Test rows with a non-zero importance weight.</param>
/// <param name="EffectiveSampleSize">(Σw)² / Σw² over the test rows.</param>
public sealed record PolicyResult(
    string Policy,
    string Description,
    Estimate Ips,
    Estimate Snips,
    Estimate Dr,
    int MatchedRows,
    double EffectiveSampleSize);
