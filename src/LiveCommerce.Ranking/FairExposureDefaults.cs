namespace LiveCommerce.Ranking;

/// <summary>Defaults of the fair-exposure policy.</summary>
public static class FairExposureDefaults
{
    /// <summary>Default of the engine setting <c>Ranking:LocalSellerExposureFloor</c>.</summary>
    public const double Floor = 0.3;
}
