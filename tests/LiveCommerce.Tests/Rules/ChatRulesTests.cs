using LiveCommerce.Contracts.Chat;
using LiveCommerce.Grains.Chat;

namespace LiveCommerce.Tests.Rules;

/// <summary>The chat's rules as plain logic: slow mode per viewer, the creator exempt, links and words.</summary>
public sealed class ChatRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Slow_mode_holds_each_viewer_to_one_comment_per_period_and_not_the_creator()
    {
        var rules = new ChatRules { Settings = new ChatSettings { SlowModeSeconds = 10 } };
        Assert.Null(rules.Check("a", exempt: false, "mau 1", T0));
        rules.Accepted("a", T0);
        rules.Accepted("host", T0);

        Assert.Contains("wait 5 s", rules.Check("a", exempt: false, "mau 2", T0.AddSeconds(5)), StringComparison.Ordinal);
        Assert.Null(rules.Check("b", exempt: false, "mau 2", T0.AddSeconds(5)));
        Assert.Null(rules.Check("host", exempt: true, "stok tinggal 3", T0.AddSeconds(1)));
        Assert.Null(rules.Check("a", exempt: false, "mau 2", T0.AddSeconds(10)));
    }

    [Fact]
    public void Links_and_phones_are_refused_by_default_and_allowed_when_turned_off()
    {
        var rules = new ChatRules();
        Assert.NotNull(rules.Check("a", exempt: false, "wa 081234567890", T0));
        rules.Settings = new ChatSettings { BlockLinksAndPhones = false };
        Assert.Null(rules.Check("a", exempt: false, "wa 081234567890", T0));
    }

    [Fact]
    public void Blocked_words_follow_the_settings()
    {
        var rules = new ChatRules();
        Assert.Null(rules.Check("a", exempt: false, "dasar b0d0h", T0));
        rules.Settings = new ChatSettings { BlockedWords = ["bodoh"] };
        Assert.NotNull(rules.Check("a", exempt: false, "dasar b0d0h", T0));
    }
}
