namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>One target of the simulation and whether the run met it.</summary>
/// <param name="Target">The target, in words.</param>
/// <param name="Met">Whether it was met.</param>
/// <param name="Measured">What was measured.</param>
/// <param name="Gates">
/// Whether the test fails when it is missed. The targets that the ranker does not reach yet are reported
/// with their measured values but do not fail the run; the gates guard what it does reach against regressions.
/// </param>
public sealed record TargetCheck(string Target, bool Met, string Measured, bool Gates = true);
