namespace LiveCommerce.Contracts.Hub;

/// <summary>
/// A viewer's comment, as every viewer of the stream sees it, with its <paramref name="Id"/> (for moderation),
/// the <paramref name="Intent"/> it was read as and the <paramref name="ProductId"/> of the stream's list it names.
/// </summary>
/// <param name="StreamId">The stream.</param>
/// <param name="UserId">Who wrote it.</param>
/// <param name="Text">What they wrote, trimmed.</param>
/// <param name="At">When.</param>
/// <param name="Id">The comment's id within the stream.</param>
/// <param name="Intent"><c>purchase</c>, <c>question</c> or <c>other</c>.</param>
/// <param name="ProductId">The product the comment is about, or null.</param>
[GenerateSerializer, Immutable, Alias("lc.CommentPosted")]
public sealed record CommentPosted(
    [property: Id(0)] string StreamId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Id = "",
    [property: Id(5)] string Intent = Chat.ChatIntentNames.Other,
    [property: Id(6)] string? ProductId = null);
