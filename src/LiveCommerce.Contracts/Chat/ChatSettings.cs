namespace LiveCommerce.Contracts.Chat;

/// <summary>A stream's chat rules: <c>PUT /api/streams/{id}/chat/settings</c> (creator) and its answer.</summary>
[GenerateSerializer, Immutable, Alias("lc.ChatSettings")]
public sealed record ChatSettings
{
    /// <summary>The longest slow mode, in seconds.</summary>
    public const int MaxSlowModeSeconds = 3600;

    /// <summary>The most blocked words a stream may have.</summary>
    public const int MaxBlockedWords = 200;

    /// <summary>The longest blocked word.</summary>
    public const int MaxBlockedWordLength = 64;

    /// <summary>Least seconds between two comments of one viewer; 0 (the default) is off.</summary>
    [Id(0)] public int SlowModeSeconds { get; init; }

    /// <summary>Words refused as whole words, through disguises (case, repeated letters, digits for letters, separators).</summary>
    [Id(1)] public IReadOnlyList<string> BlockedWords { get; init; } = [];

    /// <summary>Refuse comments with links or phone numbers. Default true.</summary>
    [Id(2)] public bool BlockLinksAndPhones { get; init; } = true;

    /// <summary>A purchase comment with a quantity while a product is pinned puts it in the viewer's cart. Default false (not built yet).</summary>
    [Id(3)] public bool CommentToCart { get; init; }
}
