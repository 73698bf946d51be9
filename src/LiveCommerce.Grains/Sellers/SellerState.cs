using LiveCommerce.Contracts.Sellers;

namespace LiveCommerce.Grains.Sellers;

/// <summary>The stored state of a <see cref="SellerGrain"/>.</summary>
[GenerateSerializer, Alias("lc.SellerState")]
public sealed record SellerState
{
    /// <summary>The admin's verification, or null when the seller is not (or no longer) verified.</summary>
    [Id(0)] public SellerVerification? Verification { get; set; }

    /// <summary>Counts the changes of <see cref="Verification"/>: each verification of a new kind and each revocation.</summary>
    [Id(1)] public long Revision { get; set; }

    /// <summary>The latest revision every product of the seller was given; below <see cref="Revision"/> while a hand-over is owed.</summary>
    [Id(2)] public long HandedOver { get; set; }
}
