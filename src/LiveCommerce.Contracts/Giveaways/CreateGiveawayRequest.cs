namespace LiveCommerce.Contracts.Giveaways;

/// <summary>The body of <c>POST /api/streams/{id}/giveaways</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.CreateGiveawayRequest")]
public sealed record CreateGiveawayRequest
{
    /// <summary>A product on the stream's list.</summary>
    [Id(0)] public string? ProductId { get; init; }

    /// <summary>How many entrants win a unit each (1 to 1,000); the units leave stock at the start.</summary>
    [Id(1)] public int? Winners { get; init; }

    /// <summary>How long entries stay open: 10 to 86,400 seconds.</summary>
    [Id(2)] public int? DurationSeconds { get; init; }
}
