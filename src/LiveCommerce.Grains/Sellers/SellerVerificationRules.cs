using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Sellers;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Sellers;

namespace LiveCommerce.Grains.Sellers;

/// <summary>
/// The rules of a seller's verification, over its stored state: only the three seller kinds can be verified;
/// verifying the kind the seller already has changes nothing (not even its time); another kind replaces it; a
/// revocation of nothing changes nothing. Every change raises the revision the seller's products follow.
/// </summary>
public sealed class SellerVerificationRules(SellerState state)
{
    /// <summary>What the seller's products are to show now.</summary>
    public SellerStanding Standing => new(state.Revision, state.Verification?.SellerKind);

    /// <summary>Whether some change has not reached every product yet.</summary>
    public bool HandOverOwed => state.HandedOver < state.Revision;

    /// <summary>Verifies <paramref name="sellerId"/> as <paramref name="sellerKind"/> at <paramref name="now"/>; answers whether anything changed.</summary>
    /// <exception cref="LiveCommerceException">400 when <paramref name="sellerKind"/> is not a seller kind.</exception>
    public bool Verify(string sellerId, string? sellerKind, DateTimeOffset now)
    {
        if (!SellerKinds.IsKnown(sellerKind))
        {
            throw LiveCommerceException.Invalid("sellerKind must be local-sme, brand or platform.");
        }

        if (state.Verification is { } current && current.SellerKind == sellerKind)
        {
            return false;
        }

        state.Verification = new SellerVerification { SellerId = sellerId, SellerKind = sellerKind, VerifiedAt = now };
        state.Revision++;
        return true;
    }

    /// <summary>Revokes the verification; answers whether there was one.</summary>
    public bool Revoke()
    {
        if (state.Verification is null)
        {
            return false;
        }

        state.Verification = null;
        state.Revision++;
        return true;
    }

    /// <summary>Records that every product was given <paramref name="revision"/> (never moves back).</summary>
    public void HandedOver(long revision) => state.HandedOver = Math.Max(state.HandedOver, revision);
}
