namespace LiveCommerce.Ranking.Reasons;

/// <summary>One reason for a suggestion: what kind of fact it states (<see cref="ReasonKinds"/>) and the sentence.</summary>
/// <param name="Kind">The kind, e.g. <see cref="ReasonKinds.ClickRate"/>.</param>
/// <param name="Text">The sentence shown to the creator.</param>
public sealed record RankingReason(string Kind, string Text);
