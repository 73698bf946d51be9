using System.Text.Json;
using System.Text.Json.Serialization;
using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Ranking.Policy;

/// <summary>
/// JSON form of an optional seller kind in ranked-list logs: the wire names <c>"local-sme"</c>, <c>"brand"</c>,
/// <c>"platform"</c> (see <see cref="SellerKinds"/>), and <c>"unknown"</c> for <see langword="null"/>. Reading is
/// case-insensitive; JSON <c>null</c> and unrecognised names read as <see langword="null"/> (unknown), so a log written
/// by a newer engine with more kinds still loads.
/// </summary>
public sealed class SellerKindJsonConverter : JsonConverter<SellerKind?>
{
    /// <summary>The wire name of an unknown seller kind.</summary>
    public const string UnknownName = "unknown";

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override SellerKind? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A seller kind must be a string, not {reader.TokenType}.");
        }

        return SellerKinds.TryParse(reader.GetString(), out var kind) ? kind : null;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SellerKind? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value is { } kind ? kind.ToWireName() : UnknownName);
    }
}
