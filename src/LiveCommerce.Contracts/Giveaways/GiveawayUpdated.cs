namespace LiveCommerce.Contracts.Giveaways;

/// <summary>How many viewers entered a running giveaway (folded; the last one sent is exact). An addition to the contract.</summary>
[GenerateSerializer, Immutable, Alias("lc.GiveawayUpdated")]
public sealed record GiveawayUpdated([property: Id(0)] string StreamId, [property: Id(1)] string GiveawayId, [property: Id(2)] int Entrants);
