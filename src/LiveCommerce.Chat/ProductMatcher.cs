namespace LiveCommerce.Chat;

/// <summary>
/// Finds the product of a stream's list a comment names, from the products' display names alone:
/// whole words, partial names ("kawung" for "Dress Batik Kawung", "mega" for "Outer Batik Megamendung"),
/// words split or joined ("mega mendung", "liptint"), and typos of one edit (two in long words).
/// Words the list's products share ("batik") weigh little; a tie names no product.
/// </summary>
public sealed class ProductMatcher
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "yang", "buat", "untuk", "sama", "dong", "deh", "aja", "ready", "size", "harga", "with", "this", "that",
        "the", "and", "for", "please", "pls", "mau", "beli", "kak", "kakak", "sis", "gan", "min", "yg", "ini",
        "itu", "nya", "ada", "pro", "can", "one", "size", "warna", "ukuran", "stok", "stock", "order",
    };

    private readonly List<(string ProductId, List<(string Token, double Weight)> Tokens)> _products = [];

    /// <summary>Prepares matching against <paramref name="products"/>.</summary>
    public ProductMatcher(IReadOnlyList<ChatProduct> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        var named = products
            .Select(p => (p.ProductId, Tokens: NameTokens(p.Name)))
            .ToList();
        var documentFrequency = named
            .SelectMany(p => p.Tokens.Distinct())
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (productId, tokens) in named)
        {
            var weighted = tokens
                .Distinct()
                .Select(t => (t, Math.Log(1.0 + ((double)named.Count / documentFrequency[t]))))
                .ToList();
            _products.Add((productId, weighted));
        }
    }

    /// <summary>The products this matcher knows, by id.</summary>
    public int Count => _products.Count;

    /// <summary>
    /// The product the normalized <paramref name="tokens"/> name, or null; <paramref name="matched"/> gets
    /// the indexes of the tokens that named it (so a classifier can mask product words).
    /// </summary>
    public string? Match(IReadOnlyList<string> tokens, ISet<int>? matched = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (_products.Count == 0)
        {
            return null;
        }

        // Candidates: every token, and every pair of neighbours written together ("mega mendung").
        var candidates = new List<(string Text, int First, int Last)>(tokens.Count * 2);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Length >= 2 && !ChatText.IsNumber(tokens[i]))
            {
                candidates.Add((tokens[i], i, i));
                if (i + 1 < tokens.Count && tokens[i + 1].Length >= 1 && !ChatText.IsNumber(tokens[i + 1]))
                {
                    candidates.Add((tokens[i] + tokens[i + 1], i, i + 1));
                }
            }
        }

        string? best = null;
        double bestScore = 0, secondScore = 0;
        List<(int, int)>? bestSpans = null;
        foreach (var (productId, nameTokens) in _products)
        {
            double score = 0;
            var spans = new List<(int, int)>();
            foreach (var (token, weight) in nameTokens)
            {
                double top = 0;
                (int, int) span = default;
                foreach (var (text, first, last) in candidates)
                {
                    var similarity = Similarity(text, token);
                    if (similarity > top)
                    {
                        top = similarity;
                        span = (first, last);
                    }
                }

                if (top > 0)
                {
                    score += top * weight;
                    spans.Add(span);
                }
            }

            if (score > bestScore)
            {
                secondScore = bestScore;
                bestScore = score;
                best = productId;
                bestSpans = spans;
            }
            else if (score > secondScore)
            {
                secondScore = score;
            }
        }

        if (best is null || bestScore - secondScore < 0.15)
        {
            return null;
        }

        if (matched is not null && bestSpans is not null)
        {
            foreach (var (first, last) in bestSpans)
            {
                for (var i = first; i <= last; i++)
                {
                    matched.Add(i);
                }
            }
        }

        return best;
    }

    /// <summary>How well a comment word matches a name word: 1 exact, less for a prefix or typo, 0 none.</summary>
    internal static double Similarity(string word, string name)
    {
        if (word == name)
        {
            return 1.0;
        }

        if (Ignored.Contains(word))
        {
            return 0;
        }

        // A partial word: "mega" for "megamendung", "sneaker" for "sneakers", "liptin" for "liptint".
        if (word.Length >= 4 && name.StartsWith(word, StringComparison.Ordinal))
        {
            return 0.8;
        }

        if (name.Length >= 4 && word.Length <= name.Length + 1 && word.StartsWith(name, StringComparison.Ordinal))
        {
            return 0.8;
        }

        if (word.Length < 4 || name.Length < 4 || Math.Abs(word.Length - name.Length) > 2)
        {
            return 0;
        }

        var allowed = Math.Min(word.Length, name.Length) >= 7 ? 2 : 1;
        var distance = Distance(word, name, allowed);
        return distance <= allowed ? (distance == 1 ? 0.75 : 0.55) : 0;
    }

    private static List<string> NameTokens(string name)
    {
        var tokens = ChatText.Tokens(name).Where(t => t.Length >= 3 && !ChatText.IsNumber(t)).ToList();
        var all = ChatText.Tokens(name);
        for (var i = 0; i + 1 < all.Count; i++)
        {
            if (!ChatText.IsNumber(all[i]) && !ChatText.IsNumber(all[i + 1]))
            {
                tokens.Add(all[i] + all[i + 1]);
            }
        }

        return tokens;
    }

    /// <summary>Optimal string alignment distance (adjacent swaps count once), cut off above <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }

                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }
        }

        return d[a.Length, b.Length];
    }
}
