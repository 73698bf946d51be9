namespace LiveCommerce.Abstractions.Sellers;

/// <summary>
/// What a seller's products know of the seller's verification: the verified kind (null when none) as of one
/// revision of the seller. Every change of the verification has a higher revision, so a product keeps the
/// latest one it was told and ignores a late copy of an older one.
/// </summary>
/// <param name="Revision">The seller's revision; 0 for a seller that was never verified.</param>
/// <param name="VerifiedKind">The verified kind, or null.</param>
[GenerateSerializer, Immutable, Alias("lc.SellerStanding")]
public sealed record SellerStanding(
    [property: Id(0)] long Revision,
    [property: Id(1)] string? VerifiedKind)
{
    /// <summary>The standing of a seller that was never verified.</summary>
    public static readonly SellerStanding Unverified = new(0, null);
}
