using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Vouchers;
using Orleans.Concurrency;

namespace LiveCommerce.Abstractions.Sales;

/// <summary>
/// The live sale formats of one stream besides flash offers, keyed by the stream's id: it checks and starts its
/// auctions, giveaways and vouchers, announces each start after it is stored, and lists the running ones for the
/// snapshot. Each format's rules live in its own grain.
/// </summary>
[Alias("lc.IStreamSalesGrain")]
public interface IStreamSalesGrain : IGrainWithStringKey
{
    /// <summary>Starts an auction on a listed product of the live stream; every viewer gets <c>AuctionStarted</c>.</summary>
    [Alias("StartAuctionAsync")]
    Task<Auction> StartAuctionAsync(string callerId, CreateAuctionRequest request);

    /// <summary>Starts a giveaway on a listed product of the live stream; every viewer gets <c>GiveawayStarted</c>.</summary>
    [Alias("StartGiveawayAsync")]
    Task<Giveaway> StartGiveawayAsync(string callerId, CreateGiveawayRequest request);

    /// <summary>Drops a voucher in the live stream; every viewer gets <c>VoucherDropped</c>.</summary>
    [Alias("DropVoucherAsync")]
    Task<Voucher> DropVoucherAsync(string callerId, CreateVoucherRequest request);

    /// <summary>The stream's creator cancels one of its auctions, giveaways or vouchers.</summary>
    [Alias("CancelAsync")]
    Task CancelAsync(string callerId, string saleId);

    /// <summary>What runs now.</summary>
    [Alias("GetRunningAsync"), AlwaysInterleave]
    Task<RunningSales> GetRunningAsync();

    /// <summary>One of the stream's sales ended; it leaves the snapshot.</summary>
    [Alias("SaleEndedAsync"), OneWay]
    Task SaleEndedAsync(string saleId);

    /// <summary>The stream ended: everything still running is cancelled.</summary>
    [Alias("EndAllAsync")]
    Task EndAllAsync();
}
