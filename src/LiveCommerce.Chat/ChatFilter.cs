using System.Text;
using System.Text.RegularExpressions;

namespace LiveCommerce.Chat;

/// <summary>
/// The chat's word rules: a stream's blocked words, matched as whole words through the usual disguises
/// (case, letters repeated, digits for letters, separators inside the word or between its letters), and
/// links and phone numbers. Plain rules, no state beyond the list it was built with; thread-safe.
/// </summary>
public sealed partial class ChatFilter
{
    private static readonly Dictionary<char, char> Lookalikes = new()
    {
        ['0'] = 'o', ['1'] = 'i', ['!'] = 'i', ['|'] = 'l', ['3'] = 'e', ['4'] = 'a', ['@'] = 'a', ['5'] = 's',
        ['$'] = 's', ['7'] = 't', ['8'] = 'b', ['9'] = 'g', ['6'] = 'g', ['2'] = 'z',
    };

    private static readonly char[] EdgePunctuation = ['!', '?', '.', ',', ':', ';', '"', '\'', '(', ')', '|'];

    private readonly HashSet<string> _blocked;

    /// <summary>A filter for <paramref name="blockedWords"/> (blank entries are ignored).</summary>
    public ChatFilter(IEnumerable<string> blockedWords)
    {
        ArgumentNullException.ThrowIfNull(blockedWords);
        _blocked = new HashSet<string>(
            blockedWords.Select(Skeleton).Where(w => w.Length > 0),
            StringComparer.Ordinal);
    }

    /// <summary>The first blocked word the comment contains, as it was written in the comment; null if none.</summary>
    public string? FindBlockedWord(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_blocked.Count == 0)
        {
            return null;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (_blocked.Contains(Skeleton(words[i])))
            {
                return words[i];
            }

            // A word spelled out letter by letter: "b o d o h", "b-o-d-o-h" split by spaces.
            if (Skeleton(words[i]).Length == 1)
            {
                var joined = new StringBuilder(words[i]);
                for (var j = i + 1; j < words.Length && Skeleton(words[j]).Length == 1; j++)
                {
                    joined.Append(words[j]);
                    if (_blocked.Contains(Skeleton(joined.ToString())))
                    {
                        return string.Join(' ', words[i..(j + 1)]);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>True when the comment holds a link ("http…", "www.", "toko.com", "wa.me/…", "bit.ly/…").</summary>
    public static bool HasLink(string text) => LinkPattern().IsMatch(text ?? "");

    /// <summary>
    /// True when the comment holds a phone number: nine digits or more in a run, whatever separates them
    /// ("0812 3456 7890", "+62-812-3456-7890", "0812.3456.789").
    /// </summary>
    public static bool HasPhoneNumber(string text)
    {
        var digits = 0;
        foreach (var c in text ?? "")
        {
            if (char.IsDigit(c))
            {
                if (++digits >= 9)
                {
                    return true;
                }
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+' or '/'))
            {
                digits = 0;
            }
        }

        return false;
    }

    /// <summary>A word with its disguises taken off: lower case, lookalikes read as letters, separators dropped, repeats folded.</summary>
    internal static string Skeleton(string word)
    {
        // Punctuation around a word is punctuation ("bodoh!!"); inside it, it may stand for a letter ("pen!pu").
        word = word.Trim(EdgePunctuation);
        var builder = new StringBuilder(word.Length);
        foreach (var raw in word)
        {
            var c = char.ToLowerInvariant(raw);
            if (Lookalikes.TryGetValue(c, out var letter))
            {
                c = letter;
            }

            if (!char.IsLetter(c))
            {
                continue;
            }

            if (builder.Length > 0 && builder[^1] == c)
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(https?://|www\.|\b[a-z0-9-]+\s?\.\s?(com|id|co|net|org|ly|me|io|link|shop|xyz|site|store)\b(/\S*)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
