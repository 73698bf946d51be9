namespace LiveCommerce.Contracts.Chat;

/// <summary>A comment as the stream's creator and moderators see it: <c>GET /api/streams/{id}/chat</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.ChatComment")]
public sealed record ChatComment
{
    /// <summary>The comment's id, unique within its stream.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The stream it was posted to.</summary>
    [Id(1)] public required string StreamId { get; init; }

    /// <summary>Who wrote it.</summary>
    [Id(2)] public required string UserId { get; init; }

    /// <summary>What they wrote, trimmed.</summary>
    [Id(3)] public required string Text { get; init; }

    /// <summary>When it was posted.</summary>
    [Id(4)] public DateTimeOffset At { get; init; }

    /// <summary><c>purchase</c>, <c>question</c> or <c>other</c> (<see cref="ChatIntentNames"/>).</summary>
    [Id(5)] public required string Intent { get; init; }

    /// <summary>The product of the stream's list the comment is about, or null.</summary>
    [Id(6)] public string? ProductId { get; init; }

    /// <summary>For a purchase, the units asked for if the comment says how many; else null.</summary>
    [Id(7)] public int? Quantity { get; init; }
}
