namespace LiveCommerce.Contracts.Products;

/// <summary>
/// Who sells a product. Drives the fair-exposure re-ranker: <see cref="LocalSme"/> products
/// are protected by the exposure floor, <see cref="Platform"/> products are never lifted.
/// Wire names are <c>"local-sme"</c>, <c>"brand"</c> and <c>"platform"</c>
/// (see <see cref="SellerKinds"/>).
/// </summary>
public enum SellerKind
{
    /// <summary>A brand or any other non-local, non-platform seller (wire name <c>"brand"</c>).</summary>
    Brand = 0,

    /// <summary>A small or medium local seller (wire name <c>"local-sme"</c>).</summary>
    LocalSme = 1,

    /// <summary>The platform's own products (wire name <c>"platform"</c>).</summary>
    Platform = 2,
}
