namespace LiveCommerce.Abstractions.Video;

/// <summary>A moment of a stream that its replay shows: a pin, an offer or an auction starting or ending.</summary>
/// <param name="Kind">One of <see cref="Contracts.Video.TimelineKinds"/>.</param>
/// <param name="ProductId">The product concerned.</param>
/// <param name="At">When it happened (wall clock); the replay works out its offset in the video.</param>
[GenerateSerializer, Immutable, Alias("lc.TimelineEntry")]
public sealed record TimelineEntry(
    [property: Id(0)] string Kind,
    [property: Id(1)] string ProductId,
    [property: Id(2)] DateTimeOffset At);
