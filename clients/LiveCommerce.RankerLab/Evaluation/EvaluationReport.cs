namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>The output of <see cref="RankerEvaluation.Run"/>.</summary>
/// <param name="Options">The options used.</param>
/// <param name="Campaigns">One result per campaign.</param>
public sealed record EvaluationReport(EvaluationOptions Options, IReadOnlyList<CampaignResult> Campaigns);
