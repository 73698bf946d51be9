using System.Buffers;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace LiveCommerce.Contracts.Serialization;

/// <summary>
/// Writes a contract type over MessagePack with exactly the field names and values of its JSON form
/// (camelCase maps, strings for times), so a client never needs other names when it switches protocol.
/// The JSON form is transcoded token by token; each message is serialized once per protocol, so the
/// cost does not grow with the number of viewers.
/// </summary>
/// <typeparam name="T">The contract type.</typeparam>
public sealed class JsonShapedFormatter<T> : IMessagePackFormatter<T?>
{
    /// <summary>The single instance.</summary>
    public static readonly JsonShapedFormatter<T> Instance = new();

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, T? value, MessagePackSerializerOptions options)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, LiveJson.Options);
        using var document = JsonDocument.Parse(bytes);
        WriteElement(ref writer, document.RootElement);
    }

    /// <inheritdoc />
    public T? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            ReadValue(ref reader, json);
        }

        return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, LiveJson.Options);
    }

    private static void WriteElement(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in element.EnumerateObject())
                {
                    count++;
                }

                writer.WriteMapHeader(count);
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    WriteElement(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    WriteElement(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var whole))
                {
                    writer.Write(whole);
                }
                else
                {
                    writer.Write(element.GetDouble());
                }

                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    private static void ReadValue(ref MessagePackReader reader, Utf8JsonWriter json)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var fields = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < fields; i++)
                {
                    json.WritePropertyName(reader.ReadString() ?? string.Empty);
                    ReadValue(ref reader, json);
                }

                json.WriteEndObject();
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < items; i++)
                {
                    ReadValue(ref reader, json);
                }

                json.WriteEndArray();
                break;
            case MessagePackType.String:
                json.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Integer:
                json.WriteNumberValue(reader.ReadInt64());
                break;
            case MessagePackType.Float:
                json.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Extension:
                json.WriteStringValue(reader.ReadDateTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                reader.Skip();
                json.WriteNullValue();
                break;
        }
    }
}
