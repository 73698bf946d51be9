using System.Text.Json.Serialization;
using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Ranking.Policy;

/// <summary>
/// The log record of one ranked list shown to a viewer: enough to re-sample it (scores, temperature, floor and the
/// list id, whose hash is the sampler's seed — <see cref="ListSeed.FromListId"/>) and to evaluate other policies
/// off-policy from it (what was shown where, and which positions were clicked or added to cart). JSON property
/// names are fixed camelCase (System.Text.Json); <see cref="RankedListLogJson"/> reads and writes JSON lines.
/// </summary>
public sealed record RankedListLog
{
    /// <summary>The list's id; its hash seeds the sampler.</summary>
    [JsonPropertyName("listId")]
    public required string ListId { get; init; }

    /// <summary>The live stream the list belongs to.</summary>
    [JsonPropertyName("streamId")]
    public required string StreamId { get; init; }

    /// <summary>The viewer it was shown to; <see langword="null"/> for an anonymous viewer.</summary>
    [JsonPropertyName("viewerId")]
    public string? ViewerId { get; init; }

    /// <summary>When it was ranked.</summary>
    [JsonPropertyName("at")]
    public DateTimeOffset At { get; init; }

    /// <summary>The version of the scoring model that produced the scores.</summary>
    [JsonPropertyName("modelVersion")]
    public string? ModelVersion { get; init; }

    /// <summary>The scale-free sampling temperature (0 = deterministic ranking).</summary>
    [JsonPropertyName("temperature")]
    public double Temperature { get; init; }

    /// <summary>The local-seller exposure floor applied after sampling.</summary>
    [JsonPropertyName("floor")]
    public double Floor { get; init; }

    /// <summary>Every ranked candidate, in candidate (sampler input) order, each with its shown position.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<RankedListItem> Items { get; init; }

    /// <summary>The 1-based positions the viewer clicked (opened).</summary>
    [JsonPropertyName("clicks")]
    public IReadOnlyList<int> Clicks { get; init; } = [];

    /// <summary>The 1-based positions the viewer added to cart.</summary>
    [JsonPropertyName("carts")]
    public IReadOnlyList<int> Carts { get; init; } = [];

    /// <summary>The list's total reward as the engine scored it (for example the sum of <see cref="EngagementReward"/> over its items).</summary>
    [JsonPropertyName("reward")]
    public double Reward { get; init; }

    /// <summary>
    /// Builds the record of a list ranked by <see cref="StochasticRankingPolicy"/>, with no outcome yet (add
    /// <see cref="Clicks"/>, <see cref="Carts"/> and <see cref="Reward"/> with <c>with</c> when they are known).
    /// </summary>
    /// <param name="listId">The list id (its hash must be the seed the list was ranked with).</param>
    /// <param name="streamId">The stream id.</param>
    /// <param name="viewerId">The viewer id, or null.</param>
    /// <param name="at">When it was ranked.</param>
    /// <param name="modelVersion">The scoring model's version.</param>
    /// <param name="temperature">The temperature used.</param>
    /// <param name="floor">The floor used.</param>
    /// <param name="productIds">Product id by candidate index.</param>
    /// <param name="kinds">Seller kind by candidate index.</param>
    /// <param name="scores">Score by candidate index.</param>
    /// <param name="shown">Candidate indices in shown order (a permutation of 0..n-1).</param>
    /// <param name="choiceProbabilities">Choice probability by candidate index.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentException">The spans disagree in length or <paramref name="shown"/> is not a permutation.</exception>
    public static RankedListLog Create(
        string listId,
        string streamId,
        string? viewerId,
        DateTimeOffset at,
        string? modelVersion,
        double temperature,
        double floor,
        ReadOnlySpan<string> productIds,
        ReadOnlySpan<SellerKind> kinds,
        ReadOnlySpan<double> scores,
        ReadOnlySpan<int> shown,
        ReadOnlySpan<double> choiceProbabilities)
    {
        var n = productIds.Length;
        if (kinds.Length != n || scores.Length != n || shown.Length != n || choiceProbabilities.Length != n)
        {
            throw new ArgumentException("Product ids, kinds, scores, shown order and choice probabilities must have the same length.");
        }

        var positions = new int[n];
        for (var k = 0; k < n; k++)
        {
            var candidate = shown[k];
            if ((uint)candidate >= (uint)n || positions[candidate] != 0)
            {
                throw new ArgumentException("The shown order is not a permutation of the candidates.", nameof(shown));
            }

            positions[candidate] = k + 1;
        }

        var items = new RankedListItem[n];
        for (var i = 0; i < n; i++)
        {
            items[i] = new RankedListItem
            {
                ProductId = productIds[i],
                SellerKind = kinds[i],
                Score = scores[i],
                Position = positions[i],
                ChoiceProbability = choiceProbabilities[i],
            };
        }

        return new RankedListLog
        {
            ListId = listId,
            StreamId = streamId,
            ViewerId = viewerId,
            At = at,
            ModelVersion = modelVersion,
            Temperature = temperature,
            Floor = floor,
            Items = items,
        };
    }
}
