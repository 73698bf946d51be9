namespace LiveCommerce.Contracts.Streams;

/// <summary>One line of <c>GET /api/streams</c>: enough to list a stream on a landing page.</summary>
[GenerateSerializer, Immutable, Alias("lc.StreamListing")]
public sealed record StreamListing
{
    /// <summary>The stream's id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Title.</summary>
    [Id(1)] public required string Title { get; init; }

    /// <summary>The creator's <c>sub</c>.</summary>
    [Id(2)] public required string CreatorId { get; init; }

    /// <summary><c>scheduled</c>, <c>live</c> or <c>ended</c>.</summary>
    [Id(3)] public required string Status { get; init; }

    /// <summary>When it was created.</summary>
    [Id(4)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it went live, if it did.</summary>
    [Id(5)] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The listing of a stream.</summary>
    public static StreamListing From(LiveStream stream) => new()
    {
        Id = stream.Id,
        Title = stream.Title,
        CreatorId = stream.CreatorId,
        Status = stream.Status,
        CreatedAt = stream.CreatedAt,
        StartedAt = stream.StartedAt,
    };
}
