using LiveCommerce.Contracts.Chat;

namespace LiveCommerce.Abstractions.Chat;

/// <summary>
/// A stream's chat, keyed by stream id: applies the stream's chat rules (slow mode, blocked words, links and
/// phone numbers), reads each comment (intent, product, quantity) against the stream's product list and
/// keeps the latest comments for the creator's view.
/// </summary>
[Alias("lc.IStreamChatGrain")]
public interface IStreamChatGrain : IGrainWithStringKey
{
    /// <summary>
    /// Checks, reads and records a comment; <paramref name="productIds"/> is the stream's product list. A comment
    /// the rules refuse throws an Invalid <c>LiveCommerceException</c> that says why, and nothing is recorded.
    /// The creator is not held to slow mode.
    /// </summary>
    [Alias("PostAsync")]
    Task<ChatComment> PostAsync(string userId, string creatorId, string text, IReadOnlyList<string> productIds);

    /// <summary>The latest comments, newest first, of one intent or all (<paramref name="intent"/> null).</summary>
    [Alias("GetRecentAsync")]
    Task<IReadOnlyList<ChatComment>> GetRecentAsync(string? intent, int limit);

    /// <summary>The chat's rules (defaults until the creator sets them).</summary>
    [Alias("GetSettingsAsync")]
    Task<ChatSettings> GetSettingsAsync();

    /// <summary>Replaces the chat's rules (validated by the caller) and answers them as stored.</summary>
    [Alias("SetSettingsAsync")]
    Task<ChatSettings> SetSettingsAsync(ChatSettings settings);
}
