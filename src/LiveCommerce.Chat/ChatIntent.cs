namespace LiveCommerce.Chat;

/// <summary>What a chat comment is for.</summary>
public enum ChatIntent
{
    /// <summary>Anything else: greetings, praise, a purchase declined or already made, sarcasm.</summary>
    Other = 0,

    /// <summary>The viewer asks to buy now ("mau 2 kak", "sold 1", "I'll take it").</summary>
    Purchase = 1,

    /// <summary>The viewer asks something, also about buying ("brp kak?", "kalau beli 2 dapat diskon?").</summary>
    Question = 2,
}
