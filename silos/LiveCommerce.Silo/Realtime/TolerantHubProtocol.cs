using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using MessagePack;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// Wraps a hub protocol so that a frame it cannot read refuses that one invocation instead of closing the
/// connection. SignalR's protocols throw on a frame they cannot parse (the JSON reader stops at 64 levels of
/// nesting whatever the serializer's settings; the MessagePack reader refuses an empty method name), and the
/// connection handler closes the connection on any such exception. Here the frame, already cut out of the
/// input by the framing (the JSON record separator, the MessagePack length prefix), becomes an
/// <see cref="InvocationBindingFailureMessage"/>: the dispatcher answers an invocation that has an id with an
/// error completion, and drops the rest. Frames whose framing itself is broken, and frames over
/// <see cref="HubOptions.MaximumReceiveMessageSize"/>, still close the connection.
/// <para>
/// It also lets a hub method have optional trailing parameters (C# default values), which SignalR's binders don't
/// know: an invocation that leaves them out is read again without them and given their defaults, so a v1 client's
/// <c>ViewProduct(streamId, productId)</c> and a v2 client's <c>ViewProduct(streamId, productId, surface)</c> both work.
/// </para>
/// </summary>
/// <param name="inner">The protocol wrapped.</param>
/// <param name="logger">Where refusals are logged (debug).</param>
/// <param name="optionalArguments">Per hub method, the defaults of its optional trailing parameters (see <see cref="OptionalArgumentsOf"/>).</param>
public sealed partial class TolerantHubProtocol(
    IHubProtocol inner, ILogger<TolerantHubProtocol> logger, IReadOnlyDictionary<string, object?[]>? optionalArguments = null) : IHubProtocol
{
    /// <summary>The nesting a frame may have while the engine looks for its invocation id (within 16 KB).</summary>
    private const int ScanDepth = 20_000;

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public int Version => inner.Version;

    /// <inheritdoc />
    public TransferFormat TransferFormat => inner.TransferFormat;

    /// <inheritdoc />
    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    /// <inheritdoc />
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    /// <inheritdoc />
    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    /// <inheritdoc />
    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var before = input;
        try
        {
            if (inner.TryParseMessage(ref input, binder, out message))
            {
                if (message is InvocationBindingFailureMessage failure && optionalArguments is not null
                    && optionalArguments.TryGetValue(failure.Target, out var defaults))
                {
                    message = WithDefaults(before.Slice(0, before.Length - input.Length), binder, failure, defaults);
                }

                return true;
            }
        }
        catch (Exception error) when (input.Length < before.Length)
        {
            // The framing took the frame off the input before the parser failed on it.
            var frame = before.Slice(0, before.Length - input.Length);
            var (invocationId, target) = TransferFormat == TransferFormat.Text ? ScanJson(frame) : ScanMessagePack(frame);
            LogRefused(logger, Name, frame.Length, invocationId, error.Message);
            message = new InvocationBindingFailureMessage(invocationId, target ?? string.Empty, ExceptionDispatchInfo.Capture(error));
            return true;
        }

        if (input.Length < before.Length)
        {
            // A whole frame of a message type the protocol skips (MessagePack's unknown types): "no message"
            // would leave it unconsumed at the head of the buffer, and the connection would read it again and
            // again and never get past it. Hand the dispatcher a refusal without an id, which it drops.
            LogRefused(logger, Name, before.Length - input.Length, null, "unknown message type");
            message = new InvocationBindingFailureMessage(null, string.Empty, ExceptionDispatchInfo.Capture(new InvalidDataException("Unknown hub message type.")));
            return true;
        }

        message = null;
        return false;
    }

    /// <summary>The defaults of the optional trailing parameters of each public method of a hub type.</summary>
    /// <param name="hubType">The hub.</param>
    /// <returns>Method name to the defaults, first optional parameter first; methods without any are left out.</returns>
    public static IReadOnlyDictionary<string, object?[]> OptionalArgumentsOf(Type hubType)
    {
        ArgumentNullException.ThrowIfNull(hubType);
        var result = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var method in hubType.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
        {
            var optional = method.GetParameters().Reverse().TakeWhile(p => p.HasDefaultValue).Reverse().Select(p => p.DefaultValue).ToArray();
            if (optional.Length > 0)
            {
                result[method.Name] = optional;
            }
        }

        return result;
    }

    /// <summary>
    /// Reads a frame that failed to bind again with fewer trailing arguments, one at a time, and fills the ones left out
    /// with their defaults; the original failure stands when no shorter reading binds.
    /// </summary>
    private HubMessage WithDefaults(ReadOnlySequence<byte> frame, IInvocationBinder binder, InvocationBindingFailureMessage failure, object?[] defaults)
    {
        for (var omitted = 1; omitted <= defaults.Length; omitted++)
        {
            var retry = frame;
            try
            {
                if (inner.TryParseMessage(ref retry, new TrailingArgumentsBinder(binder, omitted), out var shorter) && shorter is InvocationMessage call)
                {
                    var arguments = new object?[call.Arguments.Length + omitted];
                    call.Arguments.CopyTo(arguments, 0);
                    Array.Copy(defaults, defaults.Length - omitted, arguments, call.Arguments.Length, omitted);
                    return new InvocationMessage(call.InvocationId, call.Target, arguments, call.StreamIds) { Headers = call.Headers };
                }
            }
            catch (Exception error) when (error is InvalidDataException or FormatException or JsonException or MessagePackSerializationException)
            {
                // Not this reading either.
            }
        }

        return failure;
    }

    /// <summary>The invocation id and target of a JSON frame the protocol could not read, as far as they can be read.</summary>
    public static (string? InvocationId, string? Target) ScanJson(ReadOnlySequence<byte> frame)
    {
        string? invocationId = null, target = null;
        int? type = null;
        try
        {
            var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = ScanDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (!reader.Read())
                {
                    break;
                }

                switch (name)
                {
                    case "type" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value):
                        type = value;
                        break;
                    case "invocationId" when reader.TokenType == JsonTokenType.String:
                        invocationId = reader.GetString();
                        break;
                    case "target" when reader.TokenType == JsonTokenType.String:
                        target = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Malformed further on: keep what was read.
        }

        return Answerable(type, invocationId, target);
    }

    /// <summary>The invocation id and target of a MessagePack frame (with its length prefix) the protocol could not read.</summary>
    public static (string? InvocationId, string? Target) ScanMessagePack(ReadOnlySequence<byte> frame)
    {
        string? invocationId = null, target = null;
        int? type = null;
        try
        {
            var reader = new MessagePackReader(frame);

            // The varint length prefix.
            while ((reader.ReadRaw(1).FirstSpan[0] & 0x80) != 0)
            {
            }

            if (reader.ReadArrayHeader() < 4)
            {
                return (null, null);
            }

            type = reader.ReadInt32();
            var headers = reader.ReadMapHeader();
            for (var i = 0; i < headers * 2; i++)
            {
                reader.Skip();
            }

            invocationId = reader.TryReadNil() ? null : reader.ReadString();
            target = reader.TryReadNil() ? null : reader.ReadString();
        }
        catch (Exception error) when (error is MessagePackSerializationException or EndOfStreamException or InvalidOperationException or OverflowException)
        {
            // Malformed further on: keep what was read.
        }

        return Answerable(type, invocationId, target);
    }

    // Only invocations expect an answer; a frame of any other kind is dropped without one.
    private static (string? InvocationId, string? Target) Answerable(int? type, string? invocationId, string? target) =>
        type is HubProtocolConstants.InvocationMessageType or HubProtocolConstants.StreamInvocationMessageType && !string.IsNullOrEmpty(invocationId)
            ? (invocationId, target)
            : (null, target);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused an unreadable {Protocol} hub frame of {Length} bytes (invocation {InvocationId}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string protocol, long length, string? invocationId, string reason);
}
