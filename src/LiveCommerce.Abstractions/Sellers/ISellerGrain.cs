using Orleans.Concurrency;
using LiveCommerce.Contracts.Sellers;

namespace LiveCommerce.Abstractions.Sellers;

/// <summary>
/// One seller, keyed by the seller's <c>sub</c>: the admin's verification of what kind of seller they are. A change
/// is stored first and then handed to every product of the seller's catalog before the call answers; a hand-over
/// that fails is finished by a retry of the call or by the grain's reminder.
/// </summary>
[Alias("lc.ISellerGrain")]
public interface ISellerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Verifies the seller as <paramref name="sellerKind"/> (<c>local-sme</c>, <c>brand</c> or <c>platform</c>); the same
    /// kind again changes nothing, another kind replaces the old one. 400 for any other kind.
    /// </summary>
    [Alias("VerifyAsync")]
    Task<SellerVerification> VerifyAsync(string sellerKind);

    /// <summary>The seller's verification, or null when there is none.</summary>
    [Alias("GetVerificationAsync")]
    Task<SellerVerification?> GetVerificationAsync();

    /// <summary>Revokes the verification; nothing happens when there is none.</summary>
    [Alias("RevokeAsync")]
    Task RevokeAsync();

    /// <summary>
    /// The stored standing a product takes when it is created. It runs between the turns of a change, so a product
    /// being created while the seller hands a change out never waits on the seller (nor the seller on it).
    /// </summary>
    [Alias("GetStandingAsync"), AlwaysInterleave]
    Task<SellerStanding> GetStandingAsync();
}
