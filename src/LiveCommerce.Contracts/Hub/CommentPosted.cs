namespace LiveCommerce.Contracts.Hub;

/// <summary>A viewer's comment, as every viewer of the stream sees it.</summary>
[GenerateSerializer, Immutable, Alias("lc.CommentPosted")]
public sealed record CommentPosted(
    [property: Id(0)] string StreamId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset At);
