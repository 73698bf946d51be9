namespace LiveCommerce.Chat;

/// <summary>The wire names of <see cref="ChatIntent"/>: <c>"purchase"</c>, <c>"question"</c>, <c>"other"</c>.</summary>
public static class ChatIntents
{
    /// <summary>Wire name of <see cref="ChatIntent.Purchase"/>.</summary>
    public const string Purchase = "purchase";

    /// <summary>Wire name of <see cref="ChatIntent.Question"/>.</summary>
    public const string Question = "question";

    /// <summary>Wire name of <see cref="ChatIntent.Other"/>.</summary>
    public const string Other = "other";

    /// <summary>The wire name of an intent.</summary>
    public static string ToWire(this ChatIntent intent) => intent switch
    {
        ChatIntent.Purchase => Purchase,
        ChatIntent.Question => Question,
        _ => Other,
    };

    /// <summary>Parses a wire name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? value, out ChatIntent intent)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case Purchase: intent = ChatIntent.Purchase; return true;
            case Question: intent = ChatIntent.Question; return true;
            case Other: intent = ChatIntent.Other; return true;
            default: intent = ChatIntent.Other; return false;
        }
    }
}
