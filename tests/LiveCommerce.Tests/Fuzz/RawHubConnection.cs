using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MessagePack;

namespace LiveCommerce.Tests.Fuzz;

/// <summary>
/// A hub connection over a bare <see cref="ClientWebSocket"/>: it does the SignalR handshake itself, so it can
/// send frames no SignalR client would, and checks after each one that the connection still answers a Ping.
/// </summary>
public sealed class RawHubConnection : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly List<byte> _received = [];
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _pings;

    private RawHubConnection(HubProtocolKind protocol) => Protocol = protocol;

    /// <summary>The protocol this connection speaks.</summary>
    public HubProtocolKind Protocol { get; }

    /// <summary>Opens a connection to <c>/hubs/live</c> and completes the handshake.</summary>
    public static async Task<RawHubConnection> ConnectAsync(Uri baseAddress, HubProtocolKind protocol, string? token = null)
    {
        var connection = new RawHubConnection(protocol);
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/hubs/live", Query = token is null ? string.Empty : "access_token=" + token }.Uri;
        using var timeout = new CancellationTokenSource(Timeout);
        await connection._socket.ConnectAsync(uri, timeout.Token);
        var name = protocol == HubProtocolKind.Json ? "json" : "messagepack";
        await connection._socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"" + name + "\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, timeout.Token);
        var handshake = await connection.ReadJsonRecordAsync(timeout.Token);
        if (handshake is null || handshake.Contains("error", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The hub refused the handshake: " + handshake);
        }

        return connection;
    }

    /// <summary>Sends one WebSocket message with <paramref name="payload"/>.</summary>
    public async Task SendAsync(byte[] payload, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(payload, type, true, timeout.Token);
    }

    /// <summary>Invokes <c>Ping</c> and waits for its completion; false when the connection closed or stopped answering.</summary>
    public async Task<(bool Open, string Why)> PingAsync()
    {
        var id = "ping-" + ++_pings;
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await _socket.SendAsync(Protocol == HubProtocolKind.Json ? JsonPing(id) : MessagePackPing(id), Protocol == HubProtocolKind.Json ? WebSocketMessageType.Text : WebSocketMessageType.Binary, true, timeout.Token);
            while (true)
            {
                var (type, invocationId, error) = Protocol == HubProtocolKind.Json ? await ReadJsonMessageAsync(timeout.Token) : await ReadMessagePackMessageAsync(timeout.Token);
                if (type == 7)
                {
                    return (false, "closed by the server: " + error);
                }

                if (type == 3 && invocationId == id)
                {
                    return error is null ? (true, string.Empty) : (false, "Ping failed: " + error);
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or InvalidOperationException or EndOfStreamException)
        {
            return (false, $"{error.GetType().Name}: {error.Message} (socket {_socket.State}, close {_socket.CloseStatus} {_socket.CloseStatusDescription})");
        }
    }

    /// <summary>A MessagePack frame: the payload with its varint length prefix.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var prefix = new List<byte>();
        var length = payload.Length;
        do
        {
            var current = (byte)(length & 0x7f);
            length >>= 7;
            prefix.Add(length > 0 ? (byte)(current | 0x80) : current);
        }
        while (length > 0);
        return [.. prefix, .. payload];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }

        _socket.Dispose();
    }

    private static byte[] JsonPing(string id) => Encoding.UTF8.GetBytes("{\"type\":1,\"invocationId\":\"" + id + "\",\"target\":\"Ping\",\"arguments\":[]}\u001e");

    private static byte[] MessagePackPing(string id)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(6);
        writer.Write(1);
        writer.WriteMapHeader(0);
        writer.Write(id);
        writer.Write("Ping");
        writer.WriteArrayHeader(0);
        writer.WriteArrayHeader(0);
        writer.Flush();
        return Frame(buffer.WrittenSpan);
    }

    private async Task<(int Type, string? InvocationId, string? Error)> ReadJsonMessageAsync(CancellationToken cancellationToken)
    {
        var record = await ReadJsonRecordAsync(cancellationToken) ?? throw new EndOfStreamException("The server closed the connection.");
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetInt32() : 0;
        var id = root.TryGetProperty("invocationId", out var i) ? i.GetString() : null;
        var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
        return (type, id, error);
    }

    private async Task<string?> ReadJsonRecordAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = _received.IndexOf(0x1e);
            if (end >= 0)
            {
                var record = Encoding.UTF8.GetString([.. _received.Take(end)]);
                _received.RemoveRange(0, end + 1);
                return record;
            }

            if (!await ReceiveAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    private async Task<(int Type, string? InvocationId, string? Error)> ReadMessagePackMessageAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTakeMessagePackFrame(out var payload))
            {
                var reader = new MessagePackReader(payload);
                var count = reader.ReadArrayHeader();
                var type = reader.ReadInt32();
                if (type == 7)
                {
                    return (7, null, count > 1 && !reader.TryReadNil() ? reader.ReadString() : null);
                }

                if (type != 3)
                {
                    return (type, null, null);
                }

                var headers = reader.ReadMapHeader();
                for (var i = 0; i < headers * 2; i++)
                {
                    reader.Skip();
                }

                var id = reader.ReadString();
                var kind = reader.ReadInt32();
                return (3, id, kind == 1 ? reader.ReadString() : null);
            }

            if (!await ReceiveAsync(cancellationToken))
            {
                throw new EndOfStreamException("The server closed the connection.");
            }
        }
    }

    private bool TryTakeMessagePackFrame(out byte[] payload)
    {
        payload = [];
        var length = 0;
        var shift = 0;
        var index = 0;
        while (true)
        {
            if (index >= _received.Count)
            {
                return false;
            }

            var current = _received[index++];
            length |= (current & 0x7f) << shift;
            shift += 7;
            if ((current & 0x80) == 0)
            {
                break;
            }
        }

        if (_received.Count < index + length)
        {
            return false;
        }

        payload = [.. _received.Skip(index).Take(length)];
        _received.RemoveRange(0, index + length);
        return true;
    }

    private async Task<bool> ReceiveAsync(CancellationToken cancellationToken)
    {
        var result = await _socket.ReceiveAsync(_buffer, cancellationToken);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            return false;
        }

        _received.AddRange(_buffer.AsSpan(0, result.Count));
        return true;
    }
}
