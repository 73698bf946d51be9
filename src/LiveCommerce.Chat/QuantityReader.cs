namespace LiveCommerce.Chat;

/// <summary>
/// Reads the number of units a purchase comment asks for: digits ("mau 2", "2pcs", "x2", "+1") or words
/// ("dua", "three"). Sizes ("size 40"), prices ("500rb") and long numbers (phone numbers) are not quantities.
/// </summary>
public static class QuantityReader
{
    /// <summary>The largest quantity read from a comment; larger numbers are not quantities.</summary>
    public const int MaxQuantity = 99;

    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["satu"] = 1, ["sati"] = 1, ["dua"] = 2, ["tiga"] = 3, ["empat"] = 4, ["lima"] = 5, ["enam"] = 6,
        ["tujuh"] = 7, ["delapan"] = 8, ["sembilan"] = 9, ["sepuluh"] = 10, ["one"] = 1, ["two"] = 2,
        ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["ten"] = 10, ["sebiji"] = 1, ["sepasang"] = 1,
    };

    private static readonly HashSet<string> NotBefore = new(StringComparer.Ordinal)
    {
        "size", "ukuran", "uk", "no", "nomor", "nomer", "level", "lv", "lvl", "spf", "bb", "tb", "keranjang",
        "jam", "umur", "usia", "ld", "pb",
    };

    private static readonly HashSet<string> NotAfter = new(StringComparer.Ordinal)
    {
        "rb", "ribu", "k", "jt", "juta", "cm", "kg", "gr", "gram", "ml", "hari", "jam", "menit", "tahun", "th",
        "bulan", "minggu",
    };

    /// <summary>True for a number written as a word ("dua", "three").</summary>
    public static bool IsNumberWord(string token) => Words.ContainsKey(token);

    /// <summary>The quantity in the normalized <paramref name="tokens"/>, skipping the tokens in <paramref name="skip"/>; null if none.</summary>
    public static int? Read(IReadOnlyList<string> tokens, ISet<int>? skip = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (skip?.Contains(i) == true)
            {
                continue;
            }

            var token = tokens[i];
            var before = i > 0 ? tokens[i - 1] : "";
            var after = i + 1 < tokens.Count ? tokens[i + 1] : "";
            if (NotBefore.Contains(before) || NotAfter.Contains(after))
            {
                continue;
            }

            if (ChatText.IsNumber(token))
            {
                if (token.Length <= 2 && int.TryParse(token, out var n) && n is > 0 and <= MaxQuantity)
                {
                    return n;
                }

                continue;
            }

            if (Words.TryGetValue(token, out var w))
            {
                return w;
            }
        }

        return null;
    }
}
