namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>Everything one run of the simulation against one engine recorded.</summary>
/// <param name="Mode">The engine's mode (<c>embedded</c> or <c>redis</c>).</param>
/// <param name="Elapsed">How long the run took, setup included.</param>
/// <param name="Lists">Every join, in order.</param>
/// <param name="Suggestions">The creator's pin suggestions after the last round, best first.</param>
/// <param name="Counts">The stream's analytics after the last round, by product.</param>
/// <param name="Notes">Anything unexpected the run met (refused calls, counts that did not arrive, unknown products).</param>
public sealed record ModeRun(
    string Mode,
    TimeSpan Elapsed,
    IReadOnlyList<ShownList> Lists,
    IReadOnlyList<SuggestionSeen> Suggestions,
    IReadOnlyList<ProductCounts> Counts,
    IReadOnlyList<string> Notes);
