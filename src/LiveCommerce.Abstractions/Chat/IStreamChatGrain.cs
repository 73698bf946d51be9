using LiveCommerce.Contracts.Chat;

namespace LiveCommerce.Abstractions.Chat;

/// <summary>
/// A stream's chat, keyed by stream id: reads each comment (intent, product, quantity) against the stream's
/// product list and keeps the latest comments for the creator's view.
/// </summary>
[Alias("lc.IStreamChatGrain")]
public interface IStreamChatGrain : IGrainWithStringKey
{
    /// <summary>Reads and records a comment; <paramref name="productIds"/> is the stream's product list.</summary>
    [Alias("PostAsync")]
    Task<ChatComment> PostAsync(string userId, string text, IReadOnlyList<string> productIds);

    /// <summary>The latest comments, newest first, of one intent or all (<paramref name="intent"/> null).</summary>
    [Alias("GetRecentAsync")]
    Task<IReadOnlyList<ChatComment>> GetRecentAsync(string? intent, int limit);
}
