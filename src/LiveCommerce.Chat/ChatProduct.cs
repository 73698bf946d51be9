namespace LiveCommerce.Chat;

/// <summary>A product of the stream's list, as the chat reader sees it: its id and display name.</summary>
/// <param name="ProductId">The product's id.</param>
/// <param name="Name">Its display name, e.g. "Dress Batik Kawung".</param>
public sealed record ChatProduct(string ProductId, string Name);
