namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>The evaluation of one campaign.</summary>
/// <param name="Campaign">men or women.</param>
/// <param name="Items">Number of items.</param>
/// <param name="TrainRows">Uniform-random rows the ranker learned from.</param>
/// <param name="TrainClicks">Clicks among them.</param>
/// <param name="TestRows">Uniform-random rows the estimates use.</param>
/// <param name="TestClicks">Clicks among them.</param>
/// <param name="TestFrom">First test timestamp.</param>
/// <param name="TestTo">Last test timestamp.</param>
/// <param name="LoggedRandom">On-policy CTR of the uniform-random logs in the test window.</param>
/// <param name="LoggedBts">On-policy CTR of the BTS logs in the same window.</param>
/// <param name="BtsRows">BTS rows in that window.</param>
/// <param name="Policies">Off-policy estimates.</param>
/// <param name="Published">Published full-data figures, if any.</param>
public sealed record CampaignResult(
    string Campaign,
    int Items,
    int TrainRows,
    int TrainClicks,
    int TestRows,
    int TestClicks,
    DateTimeOffset TestFrom,
    DateTimeOffset TestTo,
    Estimate LoggedRandom,
    Estimate LoggedBts,
    int BtsRows,
    IReadOnlyList<PolicyResult> Policies,
    PublishedFigures? Published);
