namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>One target of the simulation and whether the run met it.</summary>
/// <param name="Target">The target, in words.</param>
/// <param name="Met">Whether it was met.</param>
/// <param name="Measured">What was measured.</param>
public sealed record TargetCheck(string Target, bool Met, string Measured);
