namespace LiveCommerce.Contracts.Sellers;

/// <summary>The body of <c>POST /api/sellers/{sellerId}/verification</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.VerifySellerRequest")]
public sealed record VerifySellerRequest
{
    /// <summary>The kind the admin confirms: <c>local-sme</c>, <c>brand</c> or <c>platform</c>.</summary>
    [Id(0)] public string? SellerKind { get; init; }
}
