using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveCommerce.Ranking.Policy;

/// <summary>
/// JSON lines of <see cref="RankedListLog"/>: one compact JSON object per line, UTF-8, camelCase property names,
/// <c>"-Infinity"</c> for a −∞ score. This is the format the engine exports its ranking logs in and RankerLab reads.
/// </summary>
public static class RankedListLogJson
{
    private static readonly JsonSerializerOptions SharedOptions = CreateOptions();

    /// <summary>The serializer options of the format (read-only).</summary>
    public static JsonSerializerOptions Options => SharedOptions;

    /// <summary>One log as one line of JSON (no line break).</summary>
    /// <param name="log">The log.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJsonLine(RankedListLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return JsonSerializer.Serialize(log, SharedOptions);
    }

    /// <summary>Parses one JSON object.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The log.</returns>
    /// <exception cref="JsonException">The text is not a valid record (for example a required property is missing).</exception>
    public static RankedListLog FromJson(string json) =>
        JsonSerializer.Deserialize<RankedListLog>(json, SharedOptions) ?? throw new JsonException("A ranked-list log cannot be null.");

    /// <summary>Writes <paramref name="log"/> and a line break.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="log">The log.</param>
    public static void WriteLine(TextWriter writer, RankedListLog log)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToJsonLine(log));
        writer.Write('\n');
    }

    /// <summary>Reads JSON lines lazily, skipping blank lines.</summary>
    /// <param name="reader">The source.</param>
    /// <returns>The logs, in file order.</returns>
    /// <exception cref="InvalidDataException">A line is not a valid record; the message names the line.</exception>
    public static IEnumerable<RankedListLog> ReadLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Iterate(reader);
    }

    private static IEnumerable<RankedListLog> Iterate(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            RankedListLog log;
            try
            {
                log = FromJson(line);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"Line {lineNumber}: not a ranked-list log ({ex.Message}).", ex);
            }

            yield return log;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(RankedListLogJsonContext.Default.Options)
        {
            WriteIndented = false,
        };
        options.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        return options;
    }
}
