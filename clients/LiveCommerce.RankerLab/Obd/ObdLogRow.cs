namespace LiveCommerce.RankerLab.Obd;

/// <summary>One logged impression of the Open Bandit Dataset.</summary>
/// <param name="Timestamp">When the impression happened (UTC).</param>
/// <param name="ItemId">The item shown.</param>
/// <param name="Position">Slot, 1 (left) to 3 (right).</param>
/// <param name="Click">1 if clicked, else 0.</param>
/// <param name="Propensity">Probability that the logging policy put this item in this slot.</param>
/// <param name="UserFeatures">user_feature_0..3 (hashed categories).</param>
/// <param name="Affinities">user-item_affinity_j: the user's past clicks on item j.</param>
public sealed record ObdLogRow(
    DateTimeOffset Timestamp,
    int ItemId,
    int Position,
    int Click,
    double Propensity,
    string[] UserFeatures,
    double[] Affinities);
