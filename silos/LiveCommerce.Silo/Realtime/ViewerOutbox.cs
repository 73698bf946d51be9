using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// The outgoing side of one hub connection, in front of SignalR's send buffer. While that buffer has room, every
/// write goes straight through and nothing is kept here. Once it is full (the viewer reads slower than it is sent
/// to), the writer is not made to wait: the message waits here instead, and is passed on, in order, as the buffer
/// drains. A waiting <c>OfferUpdated</c>, <c>ViewerCount</c> or ping is dropped when a newer one of the same key
/// arrives (<see cref="HubFrames"/>). When the waiting messages would exceed <see cref="ViewerOutboxes.Limit"/>,
/// the connection is closed. So a group send copies bytes into each connection and never waits for the slowest.
/// SignalR writes one message at a time per connection; the drain runs beside it, and they share a lock.
/// </summary>
public sealed class ViewerOutbox : PipeWriter, IDuplexPipe
{
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly ConnectionContext _connection;
    private readonly ViewerOutboxes _outboxes;
    private readonly Lock _gate = new();
    private Queue<Waiting>? _waiting;
    private Dictionary<string, Waiting>? _latest;
    private ArrayBufferWriter<byte>? _scratch;
    private long _bytes;
    private Mode _mode;
    private bool _backlogged;
    private bool _closed;

    private ViewerOutbox(ConnectionContext connection, ViewerOutboxes outboxes)
    {
        _input = connection.Transport.Input;
        _output = connection.Transport.Output;
        _connection = connection;
        _outboxes = outboxes;
    }

    /// <inheritdoc />
    public PipeReader Input => _input;

    /// <inheritdoc />
    public PipeWriter Output => this;

    /// <summary>Bytes waiting in this outbox.</summary>
    public long WaitingBytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Puts an outbox in front of <paramref name="connection"/>'s transport.</summary>
    public static void Install(ConnectionContext connection, ViewerOutboxes outboxes)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(outboxes);
        var outbox = new ViewerOutbox(connection, outboxes);
        connection.Transport = outbox;
        connection.Features.Set(outbox);
    }

    /// <inheritdoc />
    public override Memory<byte> GetMemory(int sizeHint = 0) =>
        Begin() == Mode.Direct ? _output.GetMemory(sizeHint) : (_scratch ??= new ArrayBufferWriter<byte>(256)).GetMemory(sizeHint);

    /// <inheritdoc />
    public override Span<byte> GetSpan(int sizeHint = 0) =>
        Begin() == Mode.Direct ? _output.GetSpan(sizeHint) : (_scratch ??= new ArrayBufferWriter<byte>(256)).GetSpan(sizeHint);

    /// <inheritdoc />
    public override void Advance(int bytes)
    {
        if (_mode == Mode.Direct)
        {
            _output.Advance(bytes);
        }
        else
        {
            _scratch!.Advance(bytes);
        }
    }

    /// <inheritdoc />
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        var mode = _mode;
        _mode = Mode.None;
        if (mode == Mode.Direct)
        {
            return Through(_output.FlushAsync(cancellationToken));
        }

        if (_scratch is { WrittenCount: > 0 } scratch)
        {
            var message = scratch.WrittenMemory.ToArray();
            scratch.Clear();
            return WriteAsync(message, cancellationToken);
        }

        return new ValueTask<FlushResult>(new FlushResult(isCanceled: false, isCompleted: Volatile.Read(ref _closed)));
    }

    /// <inheritdoc />
    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        ValueTask<FlushResult> flush = default;
        bool through;
        lock (_gate)
        {
            if (_closed)
            {
                return new ValueTask<FlushResult>(new FlushResult(isCanceled: false, isCompleted: true));
            }

            through = !_backlogged;
            if (through)
            {
                flush = _output.WriteAsync(source, cancellationToken);
            }
        }

        if (!through)
        {
            Wait(source);
            return default;
        }

        return Through(flush);
    }

    /// <inheritdoc />
    public override void CancelPendingFlush() => _output.CancelPendingFlush();

    /// <inheritdoc />
    public override void Complete(Exception? exception = null)
    {
        lock (_gate)
        {
            _closed = true;
            Forget();
        }

        _output.Complete(exception);
    }

    /// <summary>
    /// At the start of a message written span by span, whether it goes into SignalR's buffer itself (nothing waits
    /// here and its last flush completed) or is gathered here; the choice holds until the message is flushed.
    /// </summary>
    private Mode Begin()
    {
        if (_mode == Mode.None)
        {
            lock (_gate)
            {
                _mode = _backlogged || _closed ? Mode.Gathered : Mode.Direct;
            }
        }

        return _mode;
    }

    /// <summary>Passes on a flush of SignalR's buffer; one that must wait starts the backlog instead of holding up the writer.</summary>
    private ValueTask<FlushResult> Through(ValueTask<FlushResult> flush)
    {
        if (flush.IsCompleted)
        {
            return flush;
        }

        lock (_gate)
        {
            _backlogged = true;
        }

        _outboxes.BacklogStarted();
        _ = DrainAsync(flush);
        return default;
    }

    private void Wait(ReadOnlyMemory<byte> source)
    {
        var key = HubFrames.FoldKeyOf(source);
        var message = new Waiting(source.ToArray(), key);
        long over;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _waiting ??= new Queue<Waiting>();
            if (key is not null)
            {
                _latest ??= new Dictionary<string, Waiting>(StringComparer.Ordinal);
                if (_latest.Remove(key, out var older))
                {
                    older.Dropped = true;
                    _bytes -= older.Bytes.Length;
                    _outboxes.Sent(older.Bytes.Length);
                    _outboxes.FoldedOne();
                }

                _latest[key] = message;
            }

            _waiting.Enqueue(message);
            _bytes += message.Bytes.Length;
            _outboxes.Queued(message.Bytes.Length, _bytes);
            if (_bytes <= _outboxes.Limit)
            {
                return;
            }

            over = _bytes;
            _closed = true;
            Forget();
        }

        _outboxes.ClosedOne(_connection.ConnectionId, over);
        _connection.Abort(new ConnectionAbortedException("The viewer stopped reading: its outbox is full."));
    }

    /// <summary>Waits for SignalR's buffer to drain, then passes the waiting messages on, one flush at a time.</summary>
    private async Task DrainAsync(ValueTask<FlushResult> pending)
    {
        try
        {
            var result = await pending;
            while (true)
            {
                ValueTask<FlushResult> flush;
                lock (_gate)
                {
                    if (_closed || result.IsCompleted)
                    {
                        Forget();
                        return;
                    }

                    if (!TryTake(out var next))
                    {
                        _backlogged = false;
                        return;
                    }

                    flush = _output.WriteAsync(next.Bytes);
                }

                result = await flush;
            }
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                _closed = true;
                Forget();
            }

            _outboxes.DrainFailed(_connection.ConnectionId, error);
            _connection.Abort(new ConnectionAbortedException("Writing to the viewer failed.", error));
        }
        finally
        {
            _outboxes.BacklogEnded();
        }
    }

    private bool TryTake(out Waiting next)
    {
        while (_waiting is { Count: > 0 } waiting)
        {
            next = waiting.Dequeue();
            if (next.Dropped)
            {
                continue;
            }

            _bytes -= next.Bytes.Length;
            _outboxes.Sent(next.Bytes.Length);
            if (next.Key is { } key && _latest!.TryGetValue(key, out var latest) && ReferenceEquals(latest, next))
            {
                _latest.Remove(key);
            }

            return true;
        }

        next = null!;
        return false;
    }

    private void Forget()
    {
        _outboxes.Sent(_bytes);
        _bytes = 0;
        _waiting = null;
        _latest = null;
    }

    private enum Mode
    {
        None,
        Direct,
        Gathered,
    }

    private sealed class Waiting(byte[] bytes, string? key)
    {
        public byte[] Bytes { get; } = bytes;

        public string? Key { get; } = key;

        public bool Dropped { get; set; }
    }
}
