namespace LiveCommerce.Grains.Chat;

/// <summary>Options of stream chats, section <c>Chat</c>.</summary>
public sealed class ChatOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Chat";

    /// <summary>Comments kept per stream for <c>GET /api/streams/{id}/chat</c>. Default 1000.</summary>
    public int RecentComments { get; set; } = 1000;

    /// <summary>The most comments one <c>GET …/chat</c> returns. Default 200.</summary>
    public int MaxPage { get; set; } = 200;

    /// <summary>How long the product names a stream's chat is matched against are kept before a re-read. Default 30 s.</summary>
    public TimeSpan ProductNamesCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
