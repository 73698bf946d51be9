using System.Globalization;
using System.Text;

namespace LiveCommerce.Chat;

/// <summary>
/// Normalizes informal chat for matching and classification: lower case, letters repeated for emphasis
/// folded to one ("mauuu" → "mau", "kopii" → "kopi"), punctuation dropped except '?' and '!';
/// those and each emoji are tokens of their own.
/// </summary>
public static class ChatText
{
    /// <summary>Splits <paramref name="text"/> into normalized tokens.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (!rune.IsBmp || Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol)
            {
                // An emoji is a word of its own: "🙄" says a lot about "murah banget ya".
                Flush();
                tokens.Add("emoji" + rune.Value.ToString("x", CultureInfo.InvariantCulture));
                continue;
            }

            var c = char.ToLowerInvariant((char)rune.Value);
            if (char.IsLetter(c) || char.IsDigit(c))
            {
                // A letter or digit switch splits "2pcs" / "x2" into "2" "pcs" / "x" "2".
                if (current.Length > 0 && char.IsDigit(c) != char.IsDigit(current[^1]))
                {
                    Flush();
                }

                if (current.Length > 0 && current[^1] == c && char.IsLetter(c))
                {
                    continue;
                }

                current.Append(c);
            }
            else if (c is '\'' && current.Length > 0)
            {
                // "I'll" stays one word.
            }
            else
            {
                Flush();
                if (c is '?' or '!' && (tokens.Count == 0 || tokens[^1] != c.ToString(CultureInfo.InvariantCulture)))
                {
                    tokens.Add(c.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        Flush();
        return tokens;
    }

    /// <summary>True for a token of digits only.</summary>
    public static bool IsNumber(string token) => token.Length > 0 && token.All(char.IsDigit);
}
