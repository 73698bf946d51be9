using LiveCommerce.Contracts.Chat;

namespace LiveCommerce.Grains.Chat;

/// <summary>The stored state of a <see cref="StreamChatGrain"/>: the chat's rules.</summary>
[GenerateSerializer, Alias("lc.StreamChatState")]
public sealed record StreamChatState
{
    /// <summary>The rules; defaults until the creator sets them.</summary>
    [Id(0)] public ChatSettings Settings { get; set; } = new();
}
