namespace LiveCommerce.Ranking;

/// <summary>Defaults of the fair-exposure policy.</summary>
public static class FairExposureDefaults
{
    /// <summary>Default of the engine setting <c>Ranking:LocalSellerExposureFloor</c>.</summary>
    public const double Floor = 0.3;

    /// <summary>The floor applies to every prefix of at least this many products.</summary>
    public const int MinPrefixLength = 3;
}
