namespace LiveCommerce.Contracts.Products;

/// <summary>Who sells a product; the ranker's fair-exposure rules depend on it.</summary>
public static class SellerKinds
{
    /// <summary>A small or medium local business.</summary>
    public const string LocalSme = "local-sme";

    /// <summary>A brand selling its own goods.</summary>
    public const string Brand = "brand";

    /// <summary>A shop owned by the platform itself.</summary>
    public const string Platform = "platform";

    /// <summary>Every valid kind.</summary>
    public static readonly IReadOnlyList<string> All = [LocalSme, Brand, Platform];
}
