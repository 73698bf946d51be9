namespace LiveCommerce.Contracts.Streams;

/// <summary>A live stream as its creator manages it.</summary>
[GenerateSerializer, Immutable, Alias("lc.LiveStream")]
public sealed record LiveStream
{
    /// <summary>The stream's id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The <c>sub</c> of the creator who owns it.</summary>
    [Id(1)] public required string CreatorId { get; init; }

    /// <summary>Title.</summary>
    [Id(2)] public required string Title { get; init; }

    /// <summary><c>scheduled</c>, <c>live</c> or <c>ended</c>.</summary>
    [Id(3)] public required string Status { get; init; }

    /// <summary>The products on the stream's list, in the creator's order.</summary>
    [Id(4)] public required IReadOnlyList<string> ProductIds { get; init; }

    /// <summary>The video address, if any.</summary>
    [Id(5)] public string? VideoUrl { get; init; }

    /// <summary>The pinned product, if any.</summary>
    [Id(6)] public string? PinnedProductId { get; init; }

    /// <summary>When it was created.</summary>
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it went live.</summary>
    [Id(8)] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    [Id(9)] public DateTimeOffset? EndedAt { get; init; }
}
