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

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="All"/>, exactly as written.</summary>
    public static bool IsKnown([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? kind) =>
        kind is LocalSme or Brand or Platform;

    /// <summary>
    /// Whether a product labelled <paramref name="label"/> is covered by its seller's verification as
    /// <paramref name="verified"/>: only when the two are the same kind.
    /// </summary>
    public static bool IsVerifiedAs(string? label, string? verified) =>
        verified is not null && string.Equals(label, verified, StringComparison.Ordinal);
}
