using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Silo.Demo;

/// <summary>A small catalog of a local hijab and batik shop, priced in rupiah.</summary>
public static class DemoCatalog
{
    /// <summary>The demo products.</summary>
    public static IReadOnlyList<CreateProductRequest> Products { get; } =
    [
        Item("HJB-VOAL-01", "Hijab Voal Motif Parang", "Voal hijab with a parang print, 115 × 115 cm.", "hijab", 89_000, 120, SellerKinds.LocalSme),
        Item("HJB-PASH-02", "Pashmina Ceruti Babydoll", "Light ceruti pashmina in dusty rose.", "hijab", 65_000, 200, SellerKinds.LocalSme),
        Item("BTK-KMJ-03", "Kemeja Batik Tulis Solo", "Hand-drawn batik shirt from Solo, cotton.", "batik", 349_000, 25, SellerKinds.LocalSme),
        Item("BTK-KAIN-04", "Kain Batik Cap Pekalongan", "Stamped batik cloth, 2 m, natural dyes.", "batik", 185_000, 40, SellerKinds.LocalSme),
        Item("BTK-DRS-05", "Dress Batik Kawung Modern", "A-line dress with a kawung pattern.", "batik", 259_000, 30, SellerKinds.Brand),
        Item("ACC-BROS-06", "Bros Hijab Mutiara", "Pearl hijab brooch, set of three.", "accessories", 35_000, 300, SellerKinds.Platform),
    ];

    private static CreateProductRequest Item(string sku, string name, string description, string category, long rupiah, int stock, string kind) => new()
    {
        Sku = sku,
        Name = name,
        Description = description,
        Category = category,
        Price = new Money(rupiah, "IDR"),
        Stock = stock,
        SellerKind = kind,
        Origin = "ID",
    };
}
