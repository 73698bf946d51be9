using LiveCommerce.RankerLab.Evaluation;

namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>The off-policy evaluation of a set of ranked-list logs.</summary>
/// <param name="Source">Where the logs came from (a file path, or a description).</param>
/// <param name="Options">The settings used.</param>
/// <param name="Lists">Logged lists.</param>
/// <param name="DistinctLists">Distinct (items, scores, kinds, temperature, floor) lists; marginals are computed once per distinct list.</param>
/// <param name="Positions">Shown positions over all lists.</param>
/// <param name="Outcomes">Positions with the outcome (click or cart) over all lists.</param>
/// <param name="MaxListLength">The longest list.</param>
/// <param name="Reproduced">Lists whose shown order and choice probabilities are reproduced by re-sampling from the list id's seed.</param>
/// <param name="LoggingTemperatures">The distinct logging temperatures.</param>
/// <param name="LoggingFloors">The distinct exposure floors.</param>
/// <param name="Logged">The logging policy's on-policy value (outcomes per list).</param>
/// <param name="Examination">The reward model's examination probability by position (position 1 first, at most 20).</param>
/// <param name="RewardModelIterations">Ratio iterations the reward model took.</param>
/// <param name="Targets">One result per target temperature.</param>
public sealed record OffPolicyReport(
    string Source,
    OffPolicyOptions Options,
    int Lists,
    int DistinctLists,
    long Positions,
    long Outcomes,
    int MaxListLength,
    int Reproduced,
    IReadOnlyList<double> LoggingTemperatures,
    IReadOnlyList<double> LoggingFloors,
    Estimate Logged,
    IReadOnlyList<double> Examination,
    int RewardModelIterations,
    IReadOnlyList<TargetPolicyResult> Targets);
