namespace LiveCommerce.Contracts.Giveaways;

/// <summary>A giveaway is over: its winners, how many entered, and the seed that decided it.</summary>
[GenerateSerializer, Immutable, Alias("lc.GiveawayEnded")]
public sealed record GiveawayEnded
{
    /// <summary>The stream.</summary>
    [Id(0)] public required string StreamId { get; init; }

    /// <summary>The giveaway.</summary>
    [Id(1)] public required string GiveawayId { get; init; }

    /// <summary>The winners in draw order (empty when nobody entered or it was cancelled).</summary>
    [Id(2)] public required IReadOnlyList<string> WinnerIds { get; init; }

    /// <summary>How many viewers entered.</summary>
    [Id(3)] public int Entrants { get; init; }

    /// <summary>The seed: SHA-256 of its UTF-8 bytes is the published commitment.</summary>
    [Id(4)] public required string Seed { get; init; }

    /// <summary><c>drawn</c> or <c>cancelled</c> (an addition to the contract).</summary>
    [Id(5)] public required string Reason { get; init; }
}
