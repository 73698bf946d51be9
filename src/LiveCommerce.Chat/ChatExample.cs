namespace LiveCommerce.Chat;

/// <summary>One labelled comment of the corpus (data/chat/*.tsv).</summary>
/// <param name="Text">The comment as written.</param>
/// <param name="Intent">Its label.</param>
/// <param name="Catalog">The product list of the stream it was written in (data/chat/catalogs.tsv).</param>
/// <param name="ProductId">The product it names, or null.</param>
/// <param name="Quantity">For a purchase, the units asked for, or null.</param>
/// <param name="Hard">A hard case: a negation, sarcasm, a question that mentions buying, a past purchase.</param>
public sealed record ChatExample(string Text, ChatIntent Intent, string Catalog, string? ProductId, int? Quantity, bool Hard);
