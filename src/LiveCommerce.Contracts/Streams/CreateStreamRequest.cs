namespace LiveCommerce.Contracts.Streams;

/// <summary>The body of <c>POST /api/streams</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.CreateStreamRequest")]
public sealed record CreateStreamRequest
{
    /// <summary>The stream's title, 1 to 200 characters.</summary>
    [Id(0)] public string? Title { get; init; }

    /// <summary>The products on the stream's list.</summary>
    [Id(1)] public IReadOnlyList<string>? ProductIds { get; init; }

    /// <summary>Optional absolute http(s) address of the video (HLS, MP4 or an embeddable player).</summary>
    [Id(2)] public string? VideoUrl { get; init; }
}
