namespace LiveCommerce.Chat;

/// <summary>
/// Reads a comment against the stream's product list: the product it names (<see cref="ProductMatcher"/>),
/// its intent (<see cref="IntentModel"/> over the comment with product words masked, numbers folded and
/// Indonesian words stemmed) and, for a purchase, the quantity (<see cref="QuantityReader"/>).
/// Thread-safe; build it once (training takes about a second) and share it.
/// </summary>
public sealed class ChatClassifier
{
    private const string ProductToken = "produk";
    private const string NumberToken = "angka";

    private readonly IntentModel _model;

    private ChatClassifier(IntentModel model) => _model = model;

    /// <summary>A classifier trained on the corpus embedded in this library.</summary>
    public static ChatClassifier CreateDefault() => Train(ChatCorpus.EmbeddedTraining(), catalogs: null);

    /// <summary>
    /// Trains on <paramref name="examples"/>. The product words of each example are found by the matcher,
    /// as at run time, in its catalog of <paramref name="catalogs"/> (default: the embedded catalogs).
    /// </summary>
    public static ChatClassifier Train(IEnumerable<ChatExample> examples, IReadOnlyDictionary<string, IReadOnlyList<ChatProduct>>? catalogs)
    {
        ArgumentNullException.ThrowIfNull(examples);
        catalogs ??= ChatCorpus.EmbeddedCatalogs();
        var matchers = catalogs.ToDictionary(kv => kv.Key, kv => new ProductMatcher(kv.Value), StringComparer.Ordinal);
        var empty = new ProductMatcher([]);
        var rows = examples.Select(e =>
        {
            var tokens = ChatText.Tokens(e.Text);
            var masked = new HashSet<int>();
            (matchers.GetValueOrDefault(e.Catalog) ?? empty).Match(tokens, masked);
            return (Features(tokens, masked), e.Intent);
        });
        return new ChatClassifier(IntentModel.Train(rows));
    }

    /// <summary>Reads one comment against a matcher built from the stream's products.</summary>
    public ChatReading Read(string text, ProductMatcher products)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(products);
        var tokens = ChatText.Tokens(text);
        var masked = new HashSet<int>();
        var productId = products.Match(tokens, masked);
        var (intent, confidence) = _model.Predict(Features(tokens, masked));
        var quantity = intent == ChatIntent.Purchase ? QuantityReader.Read(tokens, masked) : null;
        return new ChatReading(intent, productId, quantity, confidence);
    }

    /// <summary>Reads one comment against the stream's products.</summary>
    public ChatReading Read(string text, IReadOnlyList<ChatProduct> products) => Read(text, new ProductMatcher(products));

    /// <summary>The text the model sees: product words masked, numbers folded, Indonesian words stemmed.</summary>
    internal static string Features(IReadOnlyList<string> tokens, ISet<int> productTokens)
    {
        var parts = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            parts[i] = productTokens.Contains(i) ? ProductToken
                : ChatText.IsNumber(token) || QuantityReader.IsNumberWord(token) ? NumberToken
                : IndonesianStems.Stem(token);
        }

        // A question mark anywhere is a strong sign on its own; say it once more at the end, where the
        // word bigrams of the comment cannot dilute it.
        var text = string.Join(' ', parts);
        return tokens.Contains("?") ? text + " tandatanya" : text;
    }
}
