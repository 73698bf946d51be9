using System.Text.Json.Serialization;
using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Ranking.Policy;

/// <summary>
/// One candidate of a logged ranked list (see <see cref="RankedListLog"/>). The items of a log are in candidate
/// order — the order the scores were passed to the sampler — so the list can be re-sampled from its seed;
/// <see cref="Position"/> says where each was shown.
/// </summary>
public sealed record RankedListItem
{
    /// <summary>The product id.</summary>
    [JsonPropertyName("productId")]
    public required string ProductId { get; init; }

    /// <summary>Who sells it; <see langword="null"/> is written as <c>"unknown"</c> (and is not protected by the floor).</summary>
    [JsonPropertyName("sellerKind")]
    [JsonConverter(typeof(SellerKindJsonConverter))]
    public SellerKind? SellerKind { get; init; }

    /// <summary>The score the sampler used (−∞, written <c>"-Infinity"</c>, means "last").</summary>
    [JsonPropertyName("score")]
    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public double Score { get; init; }

    /// <summary>The 1-based position the item was shown at (after the exposure floor).</summary>
    [JsonPropertyName("position")]
    public int Position { get; init; }

    /// <summary>
    /// The probability of the sampler's choice at the step that picked this item: its softmax weight among the
    /// items still left at that step (1 at temperature 0). The product over the list is the probability of the
    /// sampled order before the floor; it is not the item's position marginal (see <see cref="PositionMarginals"/>).
    /// </summary>
    [JsonPropertyName("choiceProbability")]
    public double ChoiceProbability { get; init; }
}
