using LiveCommerce.Engagement;
using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Silo.Ranking;

/// <summary>A stream's products as ranking candidates, with the figures they were built from; shared by every viewer of the stream.</summary>
public sealed class StreamCandidates
{
    private readonly Dictionary<string, int> _indexOf;

    /// <summary>Creates the set.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="creatorId">The stream's creator.</param>
    /// <param name="pinnedProductId">The pinned product when built.</param>
    /// <param name="candidates">One candidate per listed product.</param>
    /// <param name="facts">The engagement facts of each candidate.</param>
    /// <param name="builtAt">When the figures were read.</param>
    public StreamCandidates(
        string streamId, string creatorId, string? pinnedProductId, RankingCandidate[] candidates, ProductFacts[] facts, DateTimeOffset builtAt)
    {
        StreamId = streamId;
        CreatorId = creatorId;
        PinnedProductId = pinnedProductId;
        Candidates = candidates;
        Facts = facts;
        BuiltAt = builtAt;
        Summary = StreamSummary.From(candidates);
        _indexOf = new Dictionary<string, int>(candidates.Length, StringComparer.Ordinal);
        for (var i = 0; i < candidates.Length; i++)
        {
            _indexOf[candidates[i].ProductId] = i;
        }
    }

    /// <summary>The stream.</summary>
    public string StreamId { get; }

    /// <summary>The stream's creator.</summary>
    public string CreatorId { get; }

    /// <summary>The pinned product when built.</summary>
    public string? PinnedProductId { get; }

    /// <summary>The candidates, in the stream's list order.</summary>
    public RankingCandidate[] Candidates { get; }

    /// <summary>Product facts (seller, kind, category) by candidate index.</summary>
    public ProductFacts[] Facts { get; }

    /// <summary>The stream yardstick of these candidates.</summary>
    public StreamSummary Summary { get; }

    /// <summary>When the figures were read.</summary>
    public DateTimeOffset BuiltAt { get; }

    /// <summary>The candidate index of a product.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="index">Its index.</param>
    /// <returns>Whether the product is listed.</returns>
    public bool TryGetIndex(string productId, out int index) => _indexOf.TryGetValue(productId, out index);

    /// <summary>Whether these candidates were built for the same list and pin as <paramref name="productIds"/>.</summary>
    /// <param name="productIds">The stream's products now.</param>
    /// <param name="pinnedProductId">The pinned product now.</param>
    /// <returns>True when the same.</returns>
    public bool Matches(IReadOnlyList<string> productIds, string? pinnedProductId) =>
        productIds.Count == Candidates.Length
        && string.Equals(pinnedProductId, PinnedProductId, StringComparison.Ordinal)
        && productIds.All(_indexOf.ContainsKey);
}
