namespace LiveCommerce.Chat;

/// <summary>What the reader made of one comment.</summary>
/// <param name="Intent">Purchase, question or other.</param>
/// <param name="ProductId">The product of the stream's list the comment names, or null.</param>
/// <param name="Quantity">For a purchase, the number of units asked for if the comment says one; else null.</param>
/// <param name="Confidence">The model's probability for <paramref name="Intent"/>, 0 to 1.</param>
public sealed record ChatReading(ChatIntent Intent, string? ProductId, int? Quantity, float Confidence);
