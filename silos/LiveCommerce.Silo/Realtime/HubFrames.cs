using System.Text.Json;
using LiveCommerce.Contracts.Auctions;
using LiveCommerce.Contracts.Giveaways;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Vouchers;
using MessagePack;

namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// Which hub messages are folded, and under which key: a newer message with the same key carries everything an older
/// one still waiting to be sent does, so the older one can be dropped. <c>OfferUpdated</c> folds per offer (the latest
/// remaining count), <c>ViewerCount</c> per stream, and keep-alive pings into one. Nothing else folds: pins, offer
/// starts and ends, comments and answers to calls are always delivered in order.
/// </summary>
public static class HubFrames
{
    private const byte RecordSeparator = 0x1e;
    private const int InvocationType = 1;
    private const int PingType = 6;
    private const string PingKey = "ping";

    /// <summary>The fold key of an event about to be sent, or null when it does not fold.</summary>
    public static string? FoldKeyOf(string eventName, object? payload) => payload switch
    {
        OfferUpdated update when eventName == HubEvents.OfferUpdated => KeyOf(HubEvents.OfferUpdated, update.OfferId),
        ViewerCount count when eventName == HubEvents.ViewerCount => KeyOf(HubEvents.ViewerCount, count.StreamId),
        BidPlaced bid when eventName == HubEvents.BidPlaced => KeyOf(HubEvents.BidPlaced, bid.AuctionId),
        GiveawayUpdated entries when eventName == HubEvents.GiveawayUpdated => KeyOf(HubEvents.GiveawayUpdated, entries.GiveawayId),
        VoucherUpdated left when eventName == HubEvents.VoucherUpdated => KeyOf(HubEvents.VoucherUpdated, left.VoucherId),
        _ => null,
    };

    /// <summary>
    /// The fold key of one serialized hub message, JSON (a record ended by 0x1E) or MessagePack (a length-prefixed
    /// message), or null when it does not fold or cannot be read.
    /// </summary>
    public static string? FoldKeyOf(ReadOnlyMemory<byte> frame)
    {
        var span = frame.Span;
        try
        {
            return span.Length > 2 && span[0] == (byte)'{' && span[1] == (byte)'"' && span[^1] == RecordSeparator
                ? JsonKeyOf(span[..^1])
                : MessagePackKeyOf(frame);
        }
        catch (Exception error) when (error is JsonException or MessagePackSerializationException or EndOfStreamException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string KeyOf(string eventName, string id) => string.Concat(eventName, "|", id);

    private static string? IdPropertyOf(string? target) => target switch
    {
        HubEvents.OfferUpdated => "offerId",
        HubEvents.ViewerCount => "streamId",
        HubEvents.BidPlaced => "auctionId",
        HubEvents.GiveawayUpdated => "giveawayId",
        HubEvents.VoucherUpdated => "voucherId",
        _ => null,
    };

    private static string? JsonKeyOf(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record, new JsonReaderOptions { MaxDepth = 8 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var type = 0;
        string? target = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                if (!reader.TryGetInt32(out type))
                {
                    return null;
                }

                if (type == PingType)
                {
                    return PingKey;
                }
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                target = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (IdPropertyOf(target) is null)
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                // SignalR writes the target before the arguments.
                if (type != InvocationType || IdPropertyOf(target) is not { } idName)
                {
                    return null;
                }

                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return null;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isId = reader.ValueTextEquals(idName);
                    reader.Read();
                    if (isId)
                    {
                        return reader.TokenType == JsonTokenType.String ? KeyOf(target!, reader.GetString()!) : null;
                    }

                    reader.Skip();
                }

                return null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return null;
    }

    private static string? MessagePackKeyOf(ReadOnlyMemory<byte> frame)
    {
        // The varint length prefix, then the message: [type, headers, invocationId, target, arguments, ...] for an
        // invocation, [type] for a ping.
        var span = frame.Span;
        var prefix = 0;
        var length = 0;
        do
        {
            if (prefix == span.Length || prefix == 5)
            {
                return null;
            }

            length |= (span[prefix] & 0x7f) << (7 * prefix);
        }
        while ((span[prefix++] & 0x80) != 0);

        if (length != span.Length - prefix)
        {
            return null;
        }

        var reader = new MessagePackReader(frame[prefix..]);
        var fields = reader.ReadArrayHeader();
        var type = fields > 0 ? reader.ReadInt32() : 0;
        if (type == PingType)
        {
            return PingKey;
        }

        if (type != InvocationType || fields < 5)
        {
            return null;
        }

        reader.Skip(); // headers
        reader.Skip(); // invocation id (nil for an event)
        var target = reader.ReadString();
        if (IdPropertyOf(target) is not { } idName || reader.ReadArrayHeader() < 1 || reader.NextMessagePackType != MessagePackType.Map)
        {
            return null;
        }

        var properties = reader.ReadMapHeader();
        for (var i = 0; i < properties; i++)
        {
            var name = reader.NextMessagePackType == MessagePackType.String ? reader.ReadString() : null;
            if (name == idName)
            {
                return reader.NextMessagePackType == MessagePackType.String ? KeyOf(target!, reader.ReadString()!) : null;
            }

            if (name is null)
            {
                reader.Skip();
            }

            reader.Skip();
        }

        return null;
    }
}
