namespace LiveCommerce.Grains.Sales;

/// <summary>The live sale formats a <see cref="StreamSalesGrain"/> runs.</summary>
public static class SaleKind
{
    /// <summary>An auction (<see cref="Auctions.AuctionGrain"/>).</summary>
    public const string Auction = "auction";

    /// <summary>A giveaway (<see cref="Giveaways.GiveawayGrain"/>).</summary>
    public const string Giveaway = "giveaway";

    /// <summary>A voucher drop (<see cref="Vouchers.VoucherGrain"/>).</summary>
    public const string Voucher = "voucher";
}
