using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Vouchers;

namespace LiveCommerce.Abstractions.Sales;

/// <summary>The auctions, giveaways and vouchers a stream runs now, for its snapshot.</summary>
[GenerateSerializer, Immutable, Alias("lc.RunningSales")]
public sealed record RunningSales(
    [property: Id(0)] IReadOnlyList<Auction> Auctions,
    [property: Id(1)] IReadOnlyList<Giveaway> Giveaways,
    [property: Id(2)] IReadOnlyList<Voucher> Vouchers)
{
    /// <summary>None running.</summary>
    public static RunningSales None { get; } = new([], [], []);
}
