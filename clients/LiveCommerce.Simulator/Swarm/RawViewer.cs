using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;

namespace LiveCommerce.Simulator.Swarm;

/// <summary>The answer to one invocation, with the moments it was sent and its completion was read.</summary>
public readonly record struct CallOutcome(string? Status, string? Error, long SentAt, long CompletedAt)
{
    /// <summary>Whether the server answered without an error.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Milliseconds from sending to reading the completion.</summary>
    public double Milliseconds => Stopwatch.GetElapsedTime(SentAt, CompletedAt).TotalMilliseconds;
}

/// <summary>
/// One viewer on a bare <see cref="ClientWebSocket"/> speaking the SignalR JSON protocol. It keeps one receive
/// buffer (grown only while a record does not fit, and given back once it is read) and reads every record in
/// place; invocations are written from a <see cref="InvocationTemplate"/> into a pooled buffer.
/// </summary>
public sealed class RawViewer
{
    /// <summary>The receive buffer a viewer keeps while idle.</summary>
    public const int ReceiveBufferBytes = 1024;

    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Action<RawViewer, HubEventKind, int, long>? _onEvent;
    private readonly TaskCompletionSource<string?> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dictionary<long, (TaskCompletionSource<CallOutcome> Answer, long SentAt)>? _pending;
    private readonly byte[] _home = new byte[ReceiveBufferBytes];
    private byte[] _buffer;
    private long _nextId;
    private Task _receiving = Task.CompletedTask;

    internal RawViewer(int index, Action<RawViewer, HubEventKind, int, long>? onEvent)
    {
        Index = index;
        _onEvent = onEvent;
        _buffer = _home;
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    /// <summary>The viewer's number in its swarm.</summary>
    public int Index { get; }

    /// <summary>When the viewer last sent anything (a <see cref="Stopwatch"/> timestamp).</summary>
    public long LastSentAt { get; private set; }

    /// <summary>Whether the socket is still open.</summary>
    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>Ends when the server closed the connection or it failed.</summary>
    internal Task Receiving => _receiving;

    /// <summary>Opens the socket and does the SignalR handshake.</summary>
    internal async Task ConnectAsync(Uri endpoint, HttpMessageInvoker invoker, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(endpoint, invoker, cancellationToken);
        _receiving = ReceiveAsync();
        await SendAsync(JsonHubFraming.Handshake);
        var refused = await _handshake.Task.WaitAsync(HandshakeTimeout, cancellationToken);
        if (refused is not null)
        {
            throw new InvalidOperationException($"the hub refused the handshake: {refused}");
        }
    }

    /// <summary>Calls a hub method and waits for its completion.</summary>
    public async Task<CallOutcome> InvokeAsync(InvocationTemplate call)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<CallOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sentAt = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            (_pending ??= []).Add(id, (answer, sentAt));
        }

        var record = ArrayPool<byte>.Shared.Rent(call.MaxLength);
        try
        {
            var length = call.Write(record, id);
            await SendAsync(record.AsMemory(0, length));
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                _pending?.Remove(id);
            }

            answer.TrySetException(error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(record);
        }

        return await answer.Task;
    }

    /// <summary>Sends a keep-alive ping record.</summary>
    public Task PingAsync() => SendAsync(JsonHubFraming.PingRecord);

    /// <summary>Sends the close frame (the server answers with its own, which ends <see cref="Receiving"/>).</summary>
    internal async Task CloseAsync(CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Drops the socket.</summary>
    internal void Abort()
    {
        _socket.Abort();
        _socket.Dispose();
    }

    private async Task SendAsync(ReadOnlyMemory<byte> record)
    {
        await _sending.WaitAsync();
        try
        {
            LastSentAt = Stopwatch.GetTimestamp();
            await _socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        Exception? failure = null;
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == _buffer.Length)
                {
                    Grow(filled);
                }

                var received = await _socket.ReceiveAsync(_buffer.AsMemory(filled), CancellationToken.None);
                var at = Stopwatch.GetTimestamp();
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                filled = ReadRecords(filled, filled + received.Count, at);
            }
        }
        catch (Exception error) when (error is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            failure = error;
        }
        finally
        {
            FailPending(failure ?? new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "the server closed the connection"));
        }
    }

    /// <summary>Reads every whole record in the buffer; keeps the partial one at its start. Returns the bytes kept.</summary>
    private int ReadRecords(int scanFrom, int end, long at)
    {
        var start = 0;
        while (true)
        {
            var separator = _buffer.AsSpan(scanFrom, end - scanFrom).IndexOf(JsonHubFraming.RecordSeparator);
            if (separator < 0)
            {
                break;
            }

            separator += scanFrom;
            OnRecord(_buffer.AsSpan(start, separator - start), at);
            start = separator + 1;
            scanFrom = start;
        }

        var kept = end - start;
        if (kept > 0 && start > 0)
        {
            _buffer.AsSpan(start, kept).CopyTo(_buffer);
        }

        if (kept == 0 && _buffer != _home)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = _home;
        }

        return kept;
    }

    private void Grow(int filled)
    {
        var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, filled).CopyTo(larger);
        if (_buffer != _home)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }

    private void OnRecord(ReadOnlySpan<byte> bytes, long at)
    {
        var record = JsonHubFraming.Parse(bytes);
        switch (record.Type)
        {
            case HubMessageType.Handshake:
                _handshake.TrySetResult(record.Error);
                break;
            case HubMessageType.Invocation:
                _onEvent?.Invoke(this, record.Event, bytes.Length + 1, at);
                break;
            case HubMessageType.Completion:
                Complete(record, at);
                break;
            case HubMessageType.Close:
                FailPending(new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "the hub closed the connection: " + (record.Error ?? "no reason")));
                break;
            default:
                break;
        }
    }

    private void Complete(HubRecord record, long at)
    {
        (TaskCompletionSource<CallOutcome> Answer, long SentAt) call;
        lock (_gate)
        {
            if (_pending is null || !_pending.Remove(record.InvocationId, out call))
            {
                return;
            }
        }

        call.Answer.TrySetResult(new CallOutcome(record.Status, record.IsError ? record.Error ?? "error" : null, call.SentAt, at));
    }

    private void FailPending(Exception error)
    {
        _handshake.TrySetException(error);
        List<TaskCompletionSource<CallOutcome>> failed;
        lock (_gate)
        {
            if (_pending is null || _pending.Count == 0)
            {
                return;
            }

            failed = [.. _pending.Values.Select(p => p.Answer)];
            _pending.Clear();
        }

        foreach (var answer in failed)
        {
            answer.TrySetException(error);
        }
    }
}
