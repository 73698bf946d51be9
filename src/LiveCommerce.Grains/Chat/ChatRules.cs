using LiveCommerce.Chat;
using LiveCommerce.Contracts.Chat;

namespace LiveCommerce.Grains.Chat;

/// <summary>
/// The chat's rules for one stream, as plain logic: slow mode per viewer, blocked words, links and phone
/// numbers. <see cref="Check"/> answers why a comment is refused, or null; <see cref="Accepted"/> records it.
/// </summary>
public sealed class ChatRules
{
    private readonly Dictionary<string, DateTimeOffset> _lastComment = new(StringComparer.Ordinal);
    private ChatSettings _settings = new();
    private ChatFilter _filter = new([]);

    /// <summary>The rules in force.</summary>
    public ChatSettings Settings
    {
        get => _settings;
        set
        {
            _settings = value;
            _filter = new ChatFilter(value.BlockedWords);
        }
    }

    /// <summary>Why <paramref name="text"/> from <paramref name="userId"/> is refused at <paramref name="now"/>, or null if it may be posted.</summary>
    public string? Check(string userId, bool exempt, string text, DateTimeOffset now)
    {
        if (!exempt && _settings.SlowModeSeconds > 0 && _lastComment.TryGetValue(userId, out var last))
        {
            var wait = last.AddSeconds(_settings.SlowModeSeconds) - now;
            if (wait > TimeSpan.Zero)
            {
                return $"Slow mode is on: one comment every {_settings.SlowModeSeconds} s; wait {Math.Ceiling(wait.TotalSeconds):0} s.";
            }
        }

        if (_settings.BlockLinksAndPhones && (ChatFilter.HasLink(text) || ChatFilter.HasPhoneNumber(text)))
        {
            return "Links and phone numbers are not allowed in this chat.";
        }

        return _filter.FindBlockedWord(text) is not null
            ? "Your comment contains a word this chat does not allow."
            : null;
    }

    /// <summary>Records an accepted comment for slow mode.</summary>
    public void Accepted(string userId, DateTimeOffset now)
    {
        _lastComment[userId] = now;
        if (_lastComment.Count > 50_000)
        {
            // Forget viewers whose slow-mode wait is over; nobody is held longer than the setting.
            var horizon = now.AddSeconds(-Math.Max(1, _settings.SlowModeSeconds));
            foreach (var stale in _lastComment.Where(kv => kv.Value < horizon).Select(kv => kv.Key).ToList())
            {
                _lastComment.Remove(stale);
            }
        }
    }
}
