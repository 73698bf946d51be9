using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using LiveCommerce.Contracts.Hub;
using MessagePack;

namespace LiveCommerce.Tests.Fuzz;

/// <summary>
/// Malformed hub frames under the 16 KB limit, for both protocols: broken JSON, wrong envelopes, wrong argument
/// counts and types, deep nesting, empty and unknown method names, message types a client does not send. The
/// connection must answer a Ping after every one of them.
/// </summary>
public static class HubFrameFuzzer
{
    /// <summary>The documented hub frame limit; frames above it may close the connection.</summary>
    public const int MaxFrame = 16 * 1024;

    /// <summary>Every method of the hub.</summary>
    public static readonly string[] Methods =
    [
        HubMethods.JoinStream, HubMethods.LeaveStream, HubMethods.React, HubMethods.Comment, HubMethods.ViewProduct, HubMethods.AddToCart,
        HubMethods.ClaimOffer, HubMethods.Checkout, HubMethods.GetCart, HubMethods.SetCartQuantity, HubMethods.ReleaseHold, HubMethods.Ping,
    ];

    private static readonly string[] OddTargets = ["", " ", "ping", "PING", "Unknown", "OnConnectedAsync", "Dispose", "Context", "ToString", "Join Stream", "\u0000", "JoinStream\u0000"];

    /// <summary>A bad JSON-protocol frame (one WebSocket message) and a description.</summary>
    public static (byte[] Payload, WebSocketMessageType Type, string What) Json(Random random, FuzzWorld world)
    {
        string text;
        switch (random.Next(12))
        {
            case 0:
                text = BadValues.Pick(random, BadValues.MalformedJson) + "\u001e";
                break;
            case 1:
                {
                    // Deep nesting in the arguments, up to the frame limit.
                    var depth = random.Next(3) == 0 ? random.Next(30, 70) : random.Next(60, 7_000);
                    text = "{\"type\":1,\"invocationId\":\"d\",\"target\":\"" + BadValues.Pick(random, Methods) + "\",\"arguments\":[" + BadValues.Nested(depth) + "]}\u001e";
                    break;
                }

            case 2:
                {
                    // The arguments before the target, deeply nested objects.
                    var depth = random.Next(30, 3_000);
                    var nested = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                    text = "{\"type\":1,\"invocationId\":\"o\",\"arguments\":[" + nested + "],\"target\":\"" + BadValues.Pick(random, Methods) + "\"}\u001e";
                    break;
                }

            case 3:
                {
                    var target = BadValues.Quote(random.Next(2) == 0 ? BadValues.Pick(random, OddTargets) : BadValues.String(random));
                    text = "{\"type\":1,\"invocationId\":\"t\",\"target\":" + target + ",\"arguments\":[]}\u001e";
                    break;
                }

            case 4:
                text = "{" + string.Join(",", Envelope(random)) + "}\u001e";
                break;
            case 5:
                {
                    var type = BadValues.Pick(random, new[] { "2", "3", "4", "5", "6", "8", "9", "0", "10", "99", "-1", "2147483648", "1.5", "\"1\"", "null" });
                    text = "{\"type\":" + type + ",\"invocationId\":" + BadValues.JsonValue(random) + ",\"item\":" + BadValues.JsonValue(random) + ",\"result\":" + BadValues.JsonValue(random)
                        + ",\"sequenceId\":" + BadValues.Pick(random, BadValues.Numbers) + ",\"target\":\"" + BadValues.Pick(random, Methods) + "\",\"arguments\":[]}\u001e";
                    break;
                }

            case 6:
                text = "\u001e";
                break;
            case 7:
                {
                    var bytes = new byte[random.Next(1, 200)];
                    random.NextBytes(bytes);
                    return ([.. bytes.Select(b => b == 0x1e ? (byte)0xff : b), 0x1e], WebSocketMessageType.Binary, "random bytes " + Convert.ToHexString(bytes));
                }

            default:
                text = Invocation(random, world);
                break;
        }

        if (Encoding.UTF8.GetByteCount(text) > MaxFrame - 64)
        {
            text = "{\"type\":1,\"target\":\"Ping\",\"arguments\":[" + BadValues.Nested(60) + "]}\u001e";
        }

        return (Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, text);
    }

    /// <summary>A bad MessagePack-protocol frame (one WebSocket message) and a description.</summary>
    public static (byte[] Payload, WebSocketMessageType Type, string What) MessagePack(Random random, FuzzWorld world)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        var what = new StringBuilder();
        switch (random.Next(10))
        {
            case 0:
                {
                    var bytes = new byte[random.Next(0, 300)];
                    random.NextBytes(bytes);
                    writer.WriteRaw(bytes);
                    what.Append("random payload ").Append(Convert.ToHexString(bytes));
                    break;
                }

            case 1:
                {
                    // An empty or missing method name.
                    writer.WriteArrayHeader(random.Next(2) == 0 ? 5 : 6);
                    writer.Write(random.Next(2) == 0 ? 1 : 4);
                    writer.WriteMapHeader(0);
                    writer.Write("e");
                    if (random.Next(2) == 0)
                    {
                        writer.Write(string.Empty);
                        what.Append("empty target");
                    }
                    else
                    {
                        writer.WriteNil();
                        what.Append("nil target");
                    }

                    writer.WriteArrayHeader(0);
                    writer.WriteArrayHeader(0);
                    break;
                }

            case 2:
                {
                    // Deep nesting.
                    var depth = random.Next(30, 12_000);
                    InvocationHead(ref writer, "d", BadValues.Pick(random, Methods), 1);
                    for (var i = 0; i < depth; i++)
                    {
                        if (random.Next(2) == 0)
                        {
                            writer.WriteArrayHeader(1);
                        }
                        else
                        {
                            writer.WriteMapHeader(1);
                            writer.Write("k");
                        }
                    }

                    writer.WriteNil();
                    writer.WriteArrayHeader(0);
                    what.Append("nested ").Append(depth);
                    break;
                }

            case 3:
                {
                    // A wrong envelope.
                    var count = random.Next(0, 9);
                    writer.WriteArrayHeader(count);
                    for (var i = 0; i < count; i++)
                    {
                        Value(random, ref writer);
                    }

                    what.Append("envelope of ").Append(count).Append(" random values");
                    break;
                }

            case 4:
                {
                    // Message types a client should not send, or that do not exist.
                    var type = BadValues.Pick(random, new[] { 2, 3, 4, 5, 6, 8, 9, 0, 10, 99, -1, int.MaxValue });
                    writer.WriteArrayHeader(random.Next(1, 7));
                    writer.Write(type);
                    writer.WriteMapHeader(0);
                    writer.Write("x" + random.Next(100).ToString(CultureInfo.InvariantCulture));
                    Value(random, ref writer);
                    Value(random, ref writer);
                    what.Append("type ").Append(type);
                    break;
                }

            case 5:
                {
                    // Headers that are not strings.
                    writer.WriteArrayHeader(6);
                    writer.Write(1);
                    writer.WriteMapHeader(1);
                    Value(random, ref writer);
                    Value(random, ref writer);
                    writer.Write("h");
                    writer.Write(HubMethods.Ping);
                    writer.WriteArrayHeader(0);
                    writer.WriteArrayHeader(0);
                    what.Append("odd headers");
                    break;
                }

            default:
                {
                    var target = random.Next(8) == 0 ? BadValues.Pick(random, OddTargets) : BadValues.Pick(random, Methods);
                    var count = random.Next(0, 5);
                    InvocationHead(ref writer, random.Next(4) == 0 ? null : "i", target, count);
                    for (var i = 0; i < count; i++)
                    {
                        Value(random, ref writer);
                    }

                    if (random.Next(4) == 0)
                    {
                        writer.WriteArrayHeader(1);
                        writer.Write("s");
                    }
                    else
                    {
                        writer.WriteArrayHeader(0);
                    }

                    what.Append(target).Append(" with ").Append(count).Append(" random arguments");
                    break;
                }
        }

        writer.Flush();
        var payload = buffer.WrittenSpan.Length > MaxFrame - 64 ? buffer.WrittenSpan[..(MaxFrame - 64)] : buffer.WrittenSpan;
        what.Append(" [").Append(Convert.ToHexString(payload[..Math.Min(payload.Length, 48)])).Append(']');
        return (RawHubConnection.Frame(payload), WebSocketMessageType.Binary, what.ToString());
    }

    private static string Invocation(Random random, FuzzWorld world)
    {
        var target = random.Next(10) == 0 ? BadValues.Pick(random, OddTargets) : BadValues.Pick(random, Methods);
        var arguments = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(4) == 0 ? BadValues.Quote(world.StreamId) : BadValues.JsonValue(random));
        var id = random.Next(4) == 0 ? string.Empty : ",\"invocationId\":\"i\"";
        var streams = random.Next(6) == 0 ? ",\"streamIds\":[\"s1\"]" : string.Empty;
        return "{\"type\":1" + id + ",\"target\":" + BadValues.Quote(target) + ",\"arguments\":[" + string.Join(",", arguments) + "]" + streams + "}\u001e";
    }

    private static IEnumerable<string> Envelope(Random random)
    {
        yield return "\"type\":" + BadValues.Pick(random, new[] { "1", "1", "\"1\"", "1.0", "null", "[]", "1e300", "-1" });
        yield return "\"invocationId\":" + BadValues.Pick(random, new[] { "\"i\"", "1", "null", "[]", "{}", "\"\"" });
        yield return "\"target\":" + BadValues.Pick(random, new[] { "\"Ping\"", "1", "null", "[\"Ping\"]", "{}", "\"\"" });
        yield return "\"arguments\":" + BadValues.Pick(random, new[] { "[]", "{}", "null", "1", "\"a\"", "[" + BadValues.JsonValue(random) + "]" });
        if (random.Next(2) == 0)
        {
            yield return "\"headers\":" + BadValues.Pick(random, new[] { "{\"a\":1}", "[]", "null", "{\"a\":{}}", "\"h\"", "{\"\":\"\"}" });
        }

        if (random.Next(2) == 0)
        {
            yield return "\"streamIds\":" + BadValues.Pick(random, new[] { "[1]", "{}", "null", "[null]", "\"s\"", "[[]]" });
        }
    }

    private static void InvocationHead(ref MessagePackWriter writer, string? invocationId, string target, int argumentCount)
    {
        writer.WriteArrayHeader(6);
        writer.Write(1);
        writer.WriteMapHeader(0);
        if (invocationId is null)
        {
            writer.WriteNil();
        }
        else
        {
            writer.Write(invocationId);
        }

        writer.Write(target);
        writer.WriteArrayHeader(argumentCount);
    }

    private static void Value(Random random, ref MessagePackWriter writer)
    {
        switch (random.Next(12))
        {
            case 0: writer.WriteNil(); break;
            case 1: writer.Write(BadValues.Pick(random, new[] { long.MaxValue, long.MinValue, int.MaxValue + 1L, -1L, 0L })); break;
            case 2: writer.Write(BadValues.Pick(random, new[] { double.NaN, double.PositiveInfinity, 1e300, -0.0, 1.5 })); break;
            case 3: writer.Write(ulong.MaxValue); break;
            case 4: writer.Write(random.Next(2) == 0); break;
            case 5: writer.Write(new byte[] { 1, 2, 3 }); break;
            case 6: writer.WriteExtensionFormat(new ExtensionResult((sbyte)random.Next(-128, 127), new byte[] { 0, 1 })); break;
            case 7:
                var items = random.Next(0, 3);
                writer.WriteArrayHeader(items);
                for (var i = 0; i < items; i++)
                {
                    writer.WriteNil();
                }

                break;
            case 8: writer.WriteMapHeader(0); break;
            case 9: writer.Write(new string('x', random.Next(0, 9_000))); break;
            default: writer.Write(BadValues.String(random)); break;
        }
    }
}
