using System.Buffers.Text;
using System.Text.Json;
using LiveCommerce.Contracts.Commerce;

namespace LiveCommerce.Simulator.Swarm;

/// <summary>The kinds of SignalR JSON hub messages a bare-socket viewer tells apart (the protocol's <c>type</c>).</summary>
public enum HubMessageType
{
    /// <summary>No <c>type</c>: the handshake answer (<c>{}</c> or <c>{"error":…}</c>).</summary>
    Handshake = 0,

    /// <summary>An invocation: for a viewer, an event pushed by the server.</summary>
    Invocation = 1,

    /// <summary>The answer to one of the viewer's invocations.</summary>
    Completion = 3,

    /// <summary>A keep-alive.</summary>
    Ping = 6,

    /// <summary>The server closes the connection.</summary>
    Close = 7,
}

/// <summary>The events the bare-socket viewers recognise by name; every other target is <see cref="Other"/>.</summary>
public enum HubEventKind
{
    /// <summary>Not an event, or one the viewers do not look at.</summary>
    Other = 0,

    /// <summary><c>ProductPinned</c>.</summary>
    ProductPinned,

    /// <summary><c>OfferStarted</c>.</summary>
    OfferStarted,

    /// <summary><c>OfferEnded</c>.</summary>
    OfferEnded,
}

/// <summary>What a bare-socket viewer reads out of one record, without allocating (known strings are constants).</summary>
public readonly record struct HubRecord(HubMessageType Type, HubEventKind Event, long InvocationId, bool IsError, string? Status, string? Error);

/// <summary>
/// The SignalR JSON hub protocol, as much of it as a load client needs: the handshake, invocations with an id,
/// completions, pings. Records are UTF-8 JSON objects, each followed by the record separator 0x1E.
/// </summary>
public static class JsonHubFraming
{
    /// <summary>The byte that ends every record.</summary>
    public const byte RecordSeparator = 0x1E;

    private static readonly string[] KnownStatuses = [ClaimStatus.Reserved, ClaimStatus.SoldOut, ClaimStatus.Ended, ClaimStatus.LimitReached, ClaimStatus.NotFound];

    /// <summary>The client's handshake: JSON protocol, version 1.</summary>
    public static ReadOnlyMemory<byte> Handshake { get; } = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();

    /// <summary>A ping record (type 6), the client's keep-alive.</summary>
    public static ReadOnlyMemory<byte> PingRecord { get; } = "{\"type\":6}\u001e"u8.ToArray();

    /// <summary>The server's answer to a good handshake.</summary>
    public static ReadOnlyMemory<byte> HandshakeAccepted { get; } = "{}\u001e"u8.ToArray();

    /// <summary>
    /// Reads one record (without its separator). Unknown properties are skipped; an event's arguments are read
    /// through but not kept; a completion's <c>result.status</c> is kept, as a constant when it is a claim status.
    /// </summary>
    public static HubRecord Parse(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a hub record is a JSON object");
        }

        var type = HubMessageType.Handshake;
        var kind = HubEventKind.Other;
        long id = -1;
        var isError = false;
        string? status = null;
        string? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = (HubMessageType)reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                kind = EventOf(ref reader);
            }
            else if (reader.ValueTextEquals("invocationId"u8))
            {
                reader.Read();
                id = Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var used) && used == reader.ValueSpan.Length ? parsed : -1;
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                isError = true;
                error = reader.TokenType == JsonTokenType.String ? reader.GetString() : "error";
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                status = StatusOf(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new HubRecord(type, kind, id, isError, status, error);
    }

    private static HubEventKind EventOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("ProductPinned"u8) ? HubEventKind.ProductPinned
        : reader.ValueTextEquals("OfferStarted"u8) ? HubEventKind.OfferStarted
        : reader.ValueTextEquals("OfferEnded"u8) ? HubEventKind.OfferEnded
        : HubEventKind.Other;

    private static string? StatusOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? status = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStatus = reader.ValueTextEquals("status"u8);
            reader.Read();
            if (isStatus && reader.TokenType == JsonTokenType.String)
            {
                status = KnownStatusOf(ref reader) ?? reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return status;
    }

    private static string? KnownStatusOf(ref Utf8JsonReader reader)
    {
        foreach (var known in KnownStatuses)
        {
            if (reader.ValueTextEquals(known))
            {
                return known;
            }
        }

        return null;
    }
}
