using Lucene.Net.Analysis.Id;

namespace LiveCommerce.Chat;

/// <summary>
/// Stems Indonesian words with Lucene.Net's <see cref="IndonesianStemmer"/> (particles "-lah", "-kah",
/// possessives "-nya", "-ku", and derivational affixes: "membeli" → "beli", "bahannya" → "bahan").
/// The stemmer is not thread-safe: one instance per thread.
/// </summary>
public static class IndonesianStems
{
    [ThreadStatic]
    private static IndonesianStemmer? _stemmer;

    [ThreadStatic]
    private static char[]? _buffer;

    /// <summary>The stem of one lower-case word; words of three letters or fewer are left alone.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsLetter))
        {
            return word;
        }

        _stemmer ??= new IndonesianStemmer();
        if (_buffer is null || _buffer.Length < word.Length)
        {
            _buffer = new char[Math.Max(64, word.Length)];
        }

        word.CopyTo(0, _buffer, 0, word.Length);
        var length = _stemmer.Stem(_buffer, word.Length, stemDerivational: true);
        return length >= 2 ? new string(_buffer, 0, length) : word;
    }
}
