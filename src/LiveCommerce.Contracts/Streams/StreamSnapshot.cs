using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Video;
using LiveCommerce.Contracts.Vouchers;

namespace LiveCommerce.Contracts.Streams;

/// <summary>Everything a viewer needs to draw a stream: the answer of <c>JoinStream</c> and <c>GET /api/streams/{id}</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.StreamSnapshot")]
public sealed record StreamSnapshot
{
    /// <summary>The stream's id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Title.</summary>
    [Id(1)] public required string Title { get; init; }

    /// <summary><c>scheduled</c>, <c>live</c> or <c>ended</c>.</summary>
    [Id(2)] public required string Status { get; init; }

    /// <summary>The creator's <c>sub</c>.</summary>
    [Id(3)] public required string CreatorId { get; init; }

    /// <summary>Viewers connected now, across the cluster.</summary>
    [Id(4)] public int ViewerCount { get; init; }

    /// <summary>The pinned product's card, or null.</summary>
    [Id(5)] public ProductCard? Pinned { get; init; }

    /// <summary>The flash offers running now.</summary>
    [Id(6)] public required IReadOnlyList<Offer> Offers { get; init; }

    /// <summary>The stream's products, ranked for the viewer who asked.</summary>
    [Id(7)] public required IReadOnlyList<ProductCard> Products { get; init; }

    /// <summary>The video address, if any.</summary>
    [Id(8)] public string? VideoUrl { get; init; }

    /// <summary>The stream's video from the media server: live with its HLS playlist, or offline.</summary>
    [Id(9)] public StreamVideo Video { get; init; } = StreamVideo.Offline;

    /// <summary>The auctions running now (an addition to the contract).</summary>
    [Id(10)] public IReadOnlyList<Auction> Auctions { get; init; } = [];

    /// <summary>The giveaways running now (an addition to the contract).</summary>
    [Id(11)] public IReadOnlyList<Giveaway> Giveaways { get; init; } = [];

    /// <summary>The vouchers that can be claimed now (an addition to the contract).</summary>
    [Id(12)] public IReadOnlyList<Voucher> Vouchers { get; init; } = [];
}
