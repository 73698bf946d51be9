using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace LiveCommerce.Simulator.Swarm;

/// <summary>
/// One hub method call with fixed arguments, encoded once as a SignalR JSON invocation record; each call then only
/// writes its invocation id into a copy (<see cref="Write"/>), so firing thousands of the same call allocates nothing
/// for the encoding.
/// </summary>
public sealed class InvocationTemplate
{
    private const int MaxIdDigits = 20;
    private static readonly byte[] Tail = "\"}\u001e"u8.ToArray();
    private readonly byte[] _head;

    /// <summary>Encodes <c>target(arguments…)</c>.</summary>
    public InvocationTemplate(string target, params string[] arguments)
    {
        Target = target;
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type"u8, (int)HubMessageType.Invocation);
            writer.WriteString("target"u8, target);
            writer.WriteStartArray("arguments"u8);
            foreach (var argument in arguments)
            {
                writer.WriteStringValue(argument);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // Reopen the object after the arguments and leave the id's string open: {…,"invocationId":"
        var written = buffer.WrittenSpan;
        _head = [.. written[..^1], .. ",\"invocationId\":\""u8];
    }

    /// <summary>The hub method.</summary>
    public string Target { get; }

    /// <summary>The most bytes one record can take.</summary>
    public int MaxLength => _head.Length + MaxIdDigits + Tail.Length;

    /// <summary>Writes the record with <paramref name="invocationId"/> into <paramref name="destination"/>; returns its length.</summary>
    public int Write(Span<byte> destination, long invocationId)
    {
        _head.CopyTo(destination);
        if (!Utf8Formatter.TryFormat(invocationId, destination[_head.Length..], out var digits))
        {
            throw new ArgumentException("the destination is too small", nameof(destination));
        }

        var end = _head.Length + digits;
        Tail.CopyTo(destination[end..]);
        return end + Tail.Length;
    }
}
