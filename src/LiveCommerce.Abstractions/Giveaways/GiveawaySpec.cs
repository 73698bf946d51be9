using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Abstractions.Giveaways;

/// <summary>A validated giveaway, as a stream asks its giveaway grain to start it.</summary>
[GenerateSerializer, Immutable, Alias("lc.GiveawaySpec")]
public sealed record GiveawaySpec
{
    /// <summary>The stream.</summary>
    [Id(0)] public required string StreamId { get; init; }

    /// <summary>The stream's creator.</summary>
    [Id(1)] public required string CreatorId { get; init; }

    /// <summary>The product; the winners' units leave stock.</summary>
    [Id(2)] public required string ProductId { get; init; }

    /// <summary>The product's name.</summary>
    [Id(3)] public required string Name { get; init; }

    /// <summary>The product's list price (its currency is the winners' price-0 line's).</summary>
    [Id(4)] public required Money ListPrice { get; init; }

    /// <summary>How many win.</summary>
    [Id(5)] public int Winners { get; init; }

    /// <summary>How long entries stay open.</summary>
    [Id(6)] public TimeSpan Duration { get; init; }
}
