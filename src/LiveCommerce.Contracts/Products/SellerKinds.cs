namespace LiveCommerce.Contracts.Products;

/// <summary>The wire names of <see cref="SellerKind"/> (who sells a product; the ranker's fair-exposure rules depend on it) and conversions.</summary>
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

    /// <summary>Returns the wire name of <paramref name="kind"/>.</summary>
    /// <param name="kind">The seller kind.</param>
    /// <returns><c>"local-sme"</c>, <c>"brand"</c> or <c>"platform"</c>.</returns>
    public static string ToWireName(this SellerKind kind) => kind switch
    {
        SellerKind.LocalSme => LocalSme,
        SellerKind.Platform => Platform,
        _ => Brand,
    };

    /// <summary>Parses a wire name (case-insensitive).</summary>
    /// <param name="value">The wire name, e.g. <c>"local-sme"</c>.</param>
    /// <param name="kind">The parsed kind, or <see cref="SellerKind.Brand"/> when parsing fails.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a known wire name.</returns>
    public static bool TryParse(string? value, out SellerKind kind)
    {
        if (string.Equals(value, LocalSme, StringComparison.OrdinalIgnoreCase))
        {
            kind = SellerKind.LocalSme;
            return true;
        }

        if (string.Equals(value, Platform, StringComparison.OrdinalIgnoreCase))
        {
            kind = SellerKind.Platform;
            return true;
        }

        kind = SellerKind.Brand;
        return string.Equals(value, Brand, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses a wire name (case-insensitive).</summary>
    /// <param name="value">The wire name.</param>
    /// <returns>The seller kind.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> is not a known wire name.</exception>
    public static SellerKind Parse(string value) =>
        TryParse(value, out var kind)
            ? kind
            : throw new FormatException($"Unknown seller kind '{value}'; expected '{LocalSme}', '{Brand}' or '{Platform}'.");
}
