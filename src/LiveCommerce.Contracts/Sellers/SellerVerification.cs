namespace LiveCommerce.Contracts.Sellers;

/// <summary>
/// What an admin confirmed about a seller (contract v2, <c>POST /api/sellers/{sellerId}/verification</c>): the kind
/// of seller they are. It covers every product the seller created, whatever label each product carries.
/// </summary>
[GenerateSerializer, Immutable, Alias("lc.SellerVerification")]
public sealed record SellerVerification
{
    /// <summary>The seller's <c>sub</c>.</summary>
    [Id(0)] public required string SellerId { get; init; }

    /// <summary>The verified kind: <c>local-sme</c>, <c>brand</c> or <c>platform</c>.</summary>
    [Id(1)] public required string SellerKind { get; init; }

    /// <summary>When this kind was verified (a repeat of the same kind keeps the first time).</summary>
    [Id(2)] public DateTimeOffset VerifiedAt { get; init; }
}
