using System.Diagnostics;
using System.Net.WebSockets;

namespace LiveCommerce.Simulator.Baseline;

/// <summary>
/// The sockets the baseline holds, in slots that are reused. A broadcast walks the slots once and starts a send on
/// every socket, then waits for the sends that did not finish at once; one broadcast (or close) runs at a time, so
/// no socket ever has two sends in flight.
/// </summary>
internal sealed class SocketRegistry
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Stack<int> _free = new();
    private WebSocket?[] _slots = new WebSocket?[1024];
    private int _used;
    private int _count;

    /// <summary>Sockets held now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Holds a socket; returns its slot.</summary>
    public int Add(WebSocket socket)
    {
        lock (_gate)
        {
            if (!_free.TryPop(out var slot))
            {
                slot = _used++;
                if (slot == _slots.Length)
                {
                    Array.Resize(ref _slots, _slots.Length * 2);
                }
            }

            _slots[slot] = socket;
            _count++;
            return slot;
        }
    }

    /// <summary>Lets go of <paramref name="socket"/>, if it still holds <paramref name="slot"/>.</summary>
    public void Remove(int slot, WebSocket socket)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_slots[slot], socket))
            {
                _slots[slot] = null;
                _free.Push(slot);
                _count--;
            }
        }
    }

    /// <summary>Answers a viewer's close frame with the server's, between broadcasts.</summary>
    public async Task CloseAsync(int slot, WebSocket socket)
    {
        Remove(slot, socket);
        await _sending.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Sends <paramref name="frame"/> to every held socket; returns how many sends succeeded, failed, and the loop's milliseconds.</summary>
    public async Task<(int Sent, int Failed, double Milliseconds)> BroadcastAsync(byte[] frame)
    {
        await _sending.WaitAsync();
        try
        {
            var started = Stopwatch.GetTimestamp();
            WebSocket?[] slots;
            int used;
            lock (_gate)
            {
                slots = _slots;
                used = _used;
            }

            var sent = 0;
            var failed = 0;
            List<Task>? pending = null;
            for (var i = 0; i < used; i++)
            {
                var socket = Volatile.Read(ref slots[i]);
                if (socket is null)
                {
                    continue;
                }

                try
                {
                    var send = socket.SendAsync((ReadOnlyMemory<byte>)frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    if (send.IsCompletedSuccessfully)
                    {
                        send.GetAwaiter().GetResult();
                        sent++;
                    }
                    else
                    {
                        (pending ??= []).Add(send.AsTask());
                    }
                }
                catch (Exception error) when (error is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException)
                {
                    failed++;
                }
            }

            foreach (var send in pending ?? [])
            {
                try
                {
                    await send;
                    sent++;
                }
                catch (Exception error) when (error is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException)
                {
                    failed++;
                }
            }

            return (sent, failed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _sending.Release();
        }
    }
}
