using LiveCommerce.Contracts.Streams;
using LiveCommerce.Engagement;
using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Grains.Ranking;

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
    /// <param name="episode">What the stream shows besides the list (pin and offers): a change ends the lists' episodes.</param>
    /// <param name="curve">The stream's fitted position curve.</param>
    public StreamCandidates(
        string streamId, string creatorId, string? pinnedProductId, RankingCandidate[] candidates, ProductFacts[] facts, DateTimeOffset builtAt, string episode,
        PositionCurve curve)
    {
        Curve = curve;
        StreamId = streamId;
        Episode = episode;
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

    /// <summary>How much attention each position of this stream's lists gets, fitted from its clicks by position.</summary>
    public PositionCurve Curve { get; }

    /// <summary>The pin and the offers running when built, as one key: when it changes, a new episode begins.</summary>
    public string Episode { get; }

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

    /// <summary>The episode key of a snapshot: its pinned product and its offers.</summary>
    /// <param name="snapshot">The stream snapshot.</param>
    /// <returns>The key.</returns>
    public static string EpisodeOf(StreamSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return (snapshot.Pinned?.ProductId ?? "-") + "|" + string.Join(",", snapshot.Offers.Select(o => o.Id).Order(StringComparer.Ordinal));
    }

    /// <summary>Whether these candidates were built for the same list and episode as <paramref name="snapshot"/>.</summary>
    /// <param name="snapshot">The stream now.</param>
    /// <returns>True when the same.</returns>
    public bool Matches(StreamSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Products.Count == Candidates.Length
            && string.Equals(EpisodeOf(snapshot), Episode, StringComparison.Ordinal)
            && snapshot.Products.All(p => _indexOf.ContainsKey(p.ProductId));
    }
}
