using System.Globalization;
using System.Text;

namespace LiveCommerce.Tests.Fuzz;

/// <summary>Bad values of every kind the fuzz test sends: odd strings, edge numbers, malformed JSON.</summary>
public static class BadValues
{
    /// <summary>Strings that are no valid id, name or key: empty, blank, huge, control characters, traversal, unicode.</summary>
    public static readonly string[] Strings =
    [
        string.Empty, " ", "   ", "\t", "\n", "\r\n", "\u00a0", "\u200b", "\u3000",
        new string('x', 65), new string('a', 10_000), new string(' ', 300),
        "../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f", "/", "\\", "..", ".",
        "\0", "a\0b", "\u0001\u0002\u0003", "\u001e", "\u001f", "\u007f",
        "\ud800", "\udfff", "\ud83d\ude00\ud83d\ude00", "\u202eevil", "ZA\u0300\u0301\u0302LGO", "Ω≈ç√∫", "漢字テスト", "مرحبا",
        "<script>alert(1)</script>", "' OR '1'='1", "${jndi:ldap://x}", "{{7*7}}", "%s%s%s%n", "null", "undefined", "NaN",
        "Infinity", "-1", "0", "1e300", "\"", "'", "{", "}", "[]", "{}", "true",
    ];

    /// <summary>Numbers at and beyond the edges of what the contract takes.</summary>
    public static readonly string[] Numbers =
    [
        "0", "-1", "-0", "1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "1000000000001", "1000000000000000", "99999999999999999999999",
        "1e300", "-1e300", "1e-300", "1.5", "0.1", "-0.0", "1E3", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1\"",
        "\"\"", "null", "true", "false", "[]", "{}", "\"12abc\"",
    ];

    /// <summary>Money amounts that must be refused (above 10^12 minor units, negative, overflowing).</summary>
    public static readonly long[] RefusedAmounts =
    [
        -1, long.MinValue, long.MaxValue, 1_000_000_000_001, 10_000_000_000_000, 9_000_000_000_000_000, int.MinValue,
    ];

    /// <summary>Integers a quantity must refuse.</summary>
    public static readonly int[] RefusedQuantities = [0, -1, int.MinValue, int.MaxValue, 1_000_001, 100, -100];

    /// <summary>Malformed JSON bodies.</summary>
    public static readonly string[] MalformedJson =
    [
        string.Empty, " ", "{", "}", "[", "{\"a\":", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "[1,2,", "nul", "tru", "\"abc",
        "{\"a\":\"\\u12\"}", "{\"a\":01}", "{\"a\":1}{\"b\":2}", "\u0000", "\u00ef\u00bb\u00bf{}", "<xml/>", "a=1&b=2",
        "{\"sku\":\"a\"/*c*/}", "{\"price\":{\"amount\":NaN}}", "{\"stock\":Infinity}", "{\"__proto__\":{}}",
    ];

    /// <summary>A random element of <paramref name="items"/>.</summary>
    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A bad string: one of <see cref="Strings"/>, or random characters of any kind.</summary>
    public static string String(Random random)
    {
        if (random.Next(3) > 0)
        {
            return Pick(random, Strings);
        }

        var length = random.Next(4) switch { 0 => random.Next(1, 5), 1 => random.Next(60, 70), 2 => random.Next(200, 600), _ => random.Next(5, 40) };
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x80, 0xd800),
                2 => (char)random.Next(0xe000, 0xffff),
                _ => (char)random.Next(32, 127),
            });
        }

        return builder.ToString();
    }

    /// <summary>A JSON value of the wrong kind for most fields, or an edge number.</summary>
    public static string JsonValue(Random random) => random.Next(6) switch
    {
        0 => Pick(random, Numbers),
        1 => Quote(String(random)),
        2 => Nested(random.Next(2, 200)),
        3 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 50)).Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]",
        4 => "{\"amount\":" + Pick(random, Numbers) + ",\"currency\":" + Quote(Pick(random, new[] { "IDR", "idr", "XXX", "", "USDD", "\u0000" })) + "}",
        _ => Pick(random, new[] { "null", "true", "false", "{}", "[]", "\"\"" }),
    };

    /// <summary><paramref name="depth"/> levels of nested arrays.</summary>
    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>A JSON string literal of <paramref name="value"/>.</summary>
    public static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
