namespace LiveCommerce.Ranking;

/// <summary>Conversions between <see cref="SellerKind"/> and its wire names.</summary>
public static class SellerKinds
{
    /// <summary>Wire name of <see cref="SellerKind.LocalSme"/>.</summary>
    public const string LocalSmeName = "local-sme";

    /// <summary>Wire name of <see cref="SellerKind.Brand"/>.</summary>
    public const string BrandName = "brand";

    /// <summary>Wire name of <see cref="SellerKind.Platform"/>.</summary>
    public const string PlatformName = "platform";

    /// <summary>Returns the wire name of <paramref name="kind"/>.</summary>
    /// <param name="kind">The seller kind.</param>
    /// <returns><c>"local-sme"</c>, <c>"brand"</c> or <c>"platform"</c>.</returns>
    public static string ToWireName(this SellerKind kind) => kind switch
    {
        SellerKind.LocalSme => LocalSmeName,
        SellerKind.Platform => PlatformName,
        _ => BrandName,
    };

    /// <summary>Parses a wire name (case-insensitive).</summary>
    /// <param name="value">The wire name, e.g. <c>"local-sme"</c>.</param>
    /// <param name="kind">The parsed kind, or <see cref="SellerKind.Brand"/> when parsing fails.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a known wire name.</returns>
    public static bool TryParse(string? value, out SellerKind kind)
    {
        if (string.Equals(value, LocalSmeName, StringComparison.OrdinalIgnoreCase))
        {
            kind = SellerKind.LocalSme;
            return true;
        }

        if (string.Equals(value, PlatformName, StringComparison.OrdinalIgnoreCase))
        {
            kind = SellerKind.Platform;
            return true;
        }

        kind = SellerKind.Brand;
        return string.Equals(value, BrandName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses a wire name (case-insensitive).</summary>
    /// <param name="value">The wire name.</param>
    /// <returns>The seller kind.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> is not a known wire name.</exception>
    public static SellerKind Parse(string value) =>
        TryParse(value, out var kind)
            ? kind
            : throw new FormatException($"Unknown seller kind '{value}'; expected '{LocalSmeName}', '{BrandName}' or '{PlatformName}'.");
}
