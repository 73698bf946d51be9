using System.Globalization;
using System.Reflection;

namespace LiveCommerce.Chat;

/// <summary>Reads the labelled corpus: tab-separated <c>text intent catalog productId quantity case</c> with a header line.</summary>
public static class ChatCorpus
{
    /// <summary>The training split embedded in this library (data/chat/train.tsv).</summary>
    public static IReadOnlyList<ChatExample> EmbeddedTraining()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LiveCommerce.Chat.train.tsv")
            ?? throw new InvalidOperationException("The embedded chat corpus is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>Reads a corpus file.</summary>
    public static IReadOnlyList<ChatExample> Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>The product lists the embedded corpus was written against (data/chat/catalogs.tsv).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ChatProduct>> EmbeddedCatalogs()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LiveCommerce.Chat.catalogs.tsv")
            ?? throw new InvalidOperationException("The embedded chat catalogs are missing.");
        using var reader = new StreamReader(stream);
        return ParseCatalogs(reader);
    }

    /// <summary>Reads a catalogs file (<c>catalog productId name mentions</c>) into each catalog's products.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ChatProduct>> LoadCatalogs(string path)
    {
        using var reader = new StreamReader(path);
        return ParseCatalogs(reader);
    }

    private static Dictionary<string, IReadOnlyList<ChatProduct>> ParseCatalogs(TextReader reader)
    {
        var catalogs = new Dictionary<string, List<ChatProduct>>(StringComparer.Ordinal);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            if (f.Length < 3)
            {
                continue;
            }

            if (!catalogs.TryGetValue(f[0], out var list))
            {
                catalogs[f[0]] = list = [];
            }

            list.Add(new ChatProduct(f[1], f[2]));
        }

        return catalogs.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ChatProduct>)kv.Value, StringComparer.Ordinal);
    }

    private static List<ChatExample> Parse(TextReader reader)
    {
        var examples = new List<ChatExample>();
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            if (f.Length < 6 || !ChatIntents.TryParse(f[1], out var intent))
            {
                continue;
            }

            examples.Add(new ChatExample(
                f[0],
                intent,
                f[2],
                f[3].Length == 0 ? null : f[3],
                f[4].Length == 0 ? null : int.Parse(f[4], CultureInfo.InvariantCulture),
                f[5] == "hard"));
        }

        return examples;
    }
}
