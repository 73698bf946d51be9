namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>Which logged outcome an off-policy evaluation counts per list.</summary>
public enum OffPolicyMetric
{
    /// <summary>Clicked positions per list (<c>clicks</c>).</summary>
    Clicks = 0,

    /// <summary>Added-to-cart positions per list (<c>carts</c>).</summary>
    Carts = 1,
}
