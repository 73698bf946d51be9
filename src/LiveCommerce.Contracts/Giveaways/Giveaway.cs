namespace LiveCommerce.Contracts.Giveaways;

/// <summary>
/// A giveaway: signed-in viewers enter until <see cref="EndsAt"/>, then <see cref="Winners"/> of them are drawn from a
/// seed whose SHA-256 (<see cref="Commitment"/>) was published at the start. Each winner gets one unit at price 0.
/// </summary>
[GenerateSerializer, Immutable, Alias("lc.Giveaway")]
public sealed record Giveaway
{
    /// <summary>The giveaway's id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The stream it runs in.</summary>
    [Id(1)] public required string StreamId { get; init; }

    /// <summary>The product given away (the winners' units left stock at the start).</summary>
    [Id(2)] public required string ProductId { get; init; }

    /// <summary>How many entrants win one unit each.</summary>
    [Id(3)] public int Winners { get; init; }

    /// <summary>When entries close and the draw happens.</summary>
    [Id(4)] public DateTimeOffset EndsAt { get; init; }

    /// <summary><c>active</c> or <c>ended</c>.</summary>
    [Id(5)] public required string Status { get; init; }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of the secret seed.</summary>
    [Id(6)] public required string Commitment { get; init; }

    /// <summary>The product's name (an addition to the contract).</summary>
    [Id(7)] public required string Name { get; init; }

    /// <summary>How many viewers entered (an addition to the contract).</summary>
    [Id(8)] public int Entrants { get; init; }

    /// <summary>The seed, revealed at the end (64 lowercase hex characters); null while it runs.</summary>
    [Id(9)] public string? Seed { get; init; }

    /// <summary>The winners, once drawn, in draw order; null while it runs.</summary>
    [Id(10)] public IReadOnlyList<string>? WinnerIds { get; init; }

    /// <summary>Every entrant, sorted, once it ended: given to the stream's creator only; null otherwise.</summary>
    [Id(11)] public IReadOnlyList<string>? EntrantIds { get; init; }

    /// <summary>Why it ended, once it did: <c>drawn</c> or <c>cancelled</c> (an addition to the contract).</summary>
    [Id(12)] public string? EndReason { get; init; }
}
