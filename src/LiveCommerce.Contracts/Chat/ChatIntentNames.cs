namespace LiveCommerce.Contracts.Chat;

/// <summary>The intents a comment is read as, on the wire.</summary>
public static class ChatIntentNames
{
    /// <summary>The viewer asks to buy now ("mau 2 kak", "sold 1").</summary>
    public const string Purchase = "purchase";

    /// <summary>The viewer asks something, also about buying ("brp kak?", "kalau beli 2 dapat diskon?").</summary>
    public const string Question = "question";

    /// <summary>Everything else.</summary>
    public const string Other = "other";

    /// <summary>All three.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Purchase, Question, Other };
}
