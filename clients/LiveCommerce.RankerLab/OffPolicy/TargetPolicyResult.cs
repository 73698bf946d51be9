using LiveCommerce.RankerLab.Evaluation;

namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>Off-policy estimates of one target policy's value (outcomes per list), each with a paired-bootstrap 95% interval.</summary>
/// <param name="Temperature">The target's scale-free temperature (the logging policy's scores and floor, sampled at this temperature).</param>
/// <param name="Ips">Item-position inverse propensity scoring.</param>
/// <param name="Snips">Self-normalised IPS (normalised per position).</param>
/// <param name="Dr">Doubly robust with the position-based reward model.</param>
/// <param name="DirectMethod">The reward model alone, averaged over the target's marginals (biased if the model is wrong; for reference).</param>
/// <param name="IpsMinusLogged">IPS − the logging policy's on-policy value, paired bootstrap.</param>
/// <param name="SnipsMinusLogged">SNIPS − logged, paired bootstrap.</param>
/// <param name="DrMinusLogged">DR − logged, paired bootstrap.</param>
/// <param name="DirectMethodMinusLogged">Direct method − logged, paired bootstrap.</param>
/// <param name="FirstPositionEss">Effective sample size (Σw)²/Σw² of the weights at position 1.</param>
/// <param name="MinPositionEss">The smallest effective sample size over the positions.</param>
/// <param name="Coverage">Mean share of the target's item-position probability that the logging policy can produce (1 = full support).</param>
/// <param name="FlooredPropensities">Logged (item, position) pairs whose Monte-Carlo logging marginal came out 0 and was raised to 1/samples.</param>
public sealed record TargetPolicyResult(
    double Temperature,
    Estimate Ips,
    Estimate Snips,
    Estimate Dr,
    Estimate DirectMethod,
    Estimate IpsMinusLogged,
    Estimate SnipsMinusLogged,
    Estimate DrMinusLogged,
    Estimate DirectMethodMinusLogged,
    double FirstPositionEss,
    double MinPositionEss,
    double Coverage,
    long FlooredPropensities);
