using LiveCommerce.Contracts.Giveaways;

namespace LiveCommerce.Grains.Giveaways;

/// <summary>The stored state of a <see cref="GiveawayGrain"/>.</summary>
[GenerateSerializer, Alias("lc.GiveawayState")]
public sealed record GiveawayState
{
    /// <summary>The giveaway as viewers see it (without the seed while it runs), or null before it starts.</summary>
    [Id(0)] public Giveaway? Giveaway { get; set; }

    /// <summary>The secret seed; revealed in <see cref="Giveaway"/> at the end.</summary>
    [Id(1)] public string? Seed { get; set; }

    /// <summary>Who entered.</summary>
    [Id(2)] public HashSet<string> Entrants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>See <see cref="Auctions.AuctionPhase"/> (the same phases).</summary>
    [Id(3)] public string? Phase { get; set; }

    /// <summary>The creator whose stream runs it.</summary>
    [Id(4)] public string? CreatorId { get; set; }

    /// <summary>Whether the lot was awarded to the winners (or given back).</summary>
    [Id(5)] public bool Settled { get; set; }

    /// <summary>Winners whose cart has their line.</summary>
    [Id(6)] public HashSet<string> Carted { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether <c>GiveawayEnded</c> went out.</summary>
    [Id(7)] public bool EndAnnounced { get; set; }

    /// <summary>The product's currency, of the winners' price-0 lines.</summary>
    [Id(8)] public string? Currency { get; set; }
}
