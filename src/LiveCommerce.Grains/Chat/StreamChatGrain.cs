using System.Globalization;
using LiveCommerce.Abstractions.Chat;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Chat;
using LiveCommerce.Contracts.Chat;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Chat;

/// <inheritdoc cref="IStreamChatGrain" />
/// <remarks>The rules are stored; the latest comments are held in memory, and a chat that is not used for a while forgets them.</remarks>
public sealed partial class StreamChatGrain(
    [PersistentState("chat")] IPersistentState<StreamChatState> state,
    ChatReader reader,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<StreamChatGrain> logger) : Grain, IStreamChatGrain
{
    private readonly ChatOptions _options = options.Value;
    private RecentComments? _recent;
    private ProductMatcher? _matcher;
    private IReadOnlyList<string> _matcherProducts = [];
    private DateTimeOffset _matcherReadAt;
    private long _sequence;
    private ChatRules? _rules;

    private string StreamId => this.GetPrimaryKeyString();

    private RecentComments Recent => _recent ??= new RecentComments(_options.RecentComments);

    private ChatRules Rules => _rules ??= new ChatRules { Settings = state.State.Settings };

    /// <inheritdoc />
    public async Task<ChatComment> PostAsync(string userId, string creatorId, string text, IReadOnlyList<string> productIds)
    {
        var now = time.GetUtcNow();
        if (Rules.Check(userId, exempt: userId == creatorId, text, now) is { } refusal)
        {
            LogRefused(logger, StreamId, userId);
            throw LiveCommerceException.Invalid(refusal);
        }

        var matcher = await MatcherAsync(productIds);
        var reading = reader.Classifier.Read(text, matcher);
        Rules.Accepted(userId, now);
        var comment = new ChatComment
        {
            // Time-ordered and unique within the stream across activations: milliseconds, then a sequence.
            Id = string.Create(CultureInfo.InvariantCulture, $"c{now.ToUnixTimeMilliseconds():x}-{++_sequence:x}"),
            StreamId = StreamId,
            UserId = userId,
            Text = text,
            At = now,
            Intent = reading.Intent.ToWire(),
            ProductId = reading.ProductId,
            Quantity = reading.Quantity,
        };
        Recent.Add(comment);
        return comment;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ChatComment>> GetRecentAsync(string? intent, int limit) =>
        Task.FromResult(Recent.Latest(intent, Math.Min(limit, _options.MaxPage)));

    /// <inheritdoc />
    public Task<ChatSettings> GetSettingsAsync() => Task.FromResult(state.State.Settings);

    /// <inheritdoc />
    public async Task<ChatSettings> SetSettingsAsync(ChatSettings settings)
    {
        state.State.Settings = settings;
        await state.WriteOrReloadAsync(this);
        Rules.Settings = state.State.Settings;
        return state.State.Settings;
    }

    private async Task<ProductMatcher> MatcherAsync(IReadOnlyList<string> productIds)
    {
        var now = time.GetUtcNow();
        if (_matcher is not null && now - _matcherReadAt < _options.ProductNamesCacheDuration && _matcherProducts.SequenceEqual(productIds, StringComparer.Ordinal))
        {
            return _matcher;
        }

        var products = await Task.WhenAll(productIds.Select(id => GrainFactory.GetGrain<IProductGrain>(id).GetAsync()));
        var named = products.OfType<Product>().Select(p => new ChatProduct(p.Id, p.Name)).ToList();
        _matcher = new ProductMatcher(named);
        _matcherProducts = [.. productIds];
        _matcherReadAt = now;
        LogProductsRead(logger, StreamId, named.Count);
        return _matcher;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Chat of stream {StreamId} refused a comment of {UserId}")]
    private static partial void LogRefused(ILogger logger, string streamId, string userId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Chat of stream {StreamId} matches against {Count} product names")]
    private static partial void LogProductsRead(ILogger logger, string streamId, int count);
}
