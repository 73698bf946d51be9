using System.Net;
using System.Net.Sockets;

namespace LiveCommerce.Testing;

/// <summary>
/// A loopback TCP proxy in front of a server (an engine host, or Redis), so a test can cut every connection at
/// once (as a flaky mobile network would), refuse new ones or stall all traffic for a while, then restore it.
/// Forwards by default.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private TaskCompletionSource _flowing = NewFlowing(open: true);
    private volatile ProxyMode _mode = ProxyMode.Forward;
    private long _accepted;

    /// <summary>Starts proxying to <paramref name="target"/> (its host and port).</summary>
    public TcpProxy(Uri target)
        : this(target.Host, target.Port)
    {
    }

    /// <summary>Starts proxying to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public TcpProxy(string host, int port)
    {
        _targetHost = host;
        _targetPort = port;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Address = new Uri($"http://127.0.0.1:{Port}");
        _accepting = AcceptAsync();
    }

    /// <summary>The proxy's port on loopback.</summary>
    public int Port { get; }

    /// <summary>The proxy's address, as an HTTP base address.</summary>
    public Uri Address { get; }

    /// <summary>The proxy's endpoint as <c>127.0.0.1:port</c> (e.g. for a Redis connection string).</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>How traffic is treated now.</summary>
    public ProxyMode Mode => _mode;

    /// <summary>Connections accepted so far.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>A proxy to the first endpoint of a StackExchange.Redis connection string (<c>host:port,...</c>).</summary>
    public static TcpProxy ForRedis(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var endpoint = connectionString.Split(',')[0].Trim();
        var colon = endpoint.LastIndexOf(':');
        return colon < 0
            ? new TcpProxy(endpoint, 6379)
            : new TcpProxy(endpoint[..colon], int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Cuts every open connection (new ones are still accepted, as <see cref="Mode"/> says).</summary>
    public void DropAll()
    {
        TcpClient[] open;
        lock (_gate)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var client in open)
        {
            Reset(client);
        }
    }

    /// <summary>Cuts every open connection and treats new ones as <paramref name="mode"/> says until <see cref="Restore"/>.</summary>
    public void Cut(ProxyMode mode = ProxyMode.Refuse)
    {
        SetMode(mode);
        DropAll();
    }

    /// <summary>Holds all traffic, on open and new connections, without cutting anything, until <see cref="Restore"/>.</summary>
    public void Stall() => SetMode(ProxyMode.Stall);

    /// <summary>Forwards again; bytes held by a stall go on their way.</summary>
    public void Restore() => SetMode(ProxyMode.Forward);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Restore();
        DropAll();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        _stop.Dispose();
    }

    private static TaskCompletionSource NewFlowing(bool open)
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            flowing.SetResult();
        }

        return flowing;
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket)
            {
                // Reset rather than close politely: the other side sees the connection die at once.
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
        }

        client.Dispose();
    }

    private void SetMode(ProxyMode mode)
    {
        lock (_gate)
        {
            _mode = mode;
            if (mode == ProxyMode.Stall)
            {
                if (_flowing.Task.IsCompleted)
                {
                    _flowing = NewFlowing(open: false);
                }
            }
            else
            {
                _flowing.TrySetResult();
            }
        }
    }

    private Task FlowingAsync()
    {
        lock (_gate)
        {
            return _flowing.Task;
        }
    }

    private void Track(TcpClient client)
    {
        lock (_gate)
        {
            _open.Add(client);
        }
    }

    private void Forget(TcpClient client)
    {
        lock (_gate)
        {
            _open.Remove(client);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = HandleAsync(inbound);
        }
    }

    private async Task HandleAsync(TcpClient inbound)
    {
        if (_mode == ProxyMode.Refuse)
        {
            Reset(inbound);
            return;
        }

        Track(inbound);
        var outbound = new TcpClient();
        try
        {
            await FlowingAsync().WaitAsync(_stop.Token);
            if (_mode == ProxyMode.Refuse || !inbound.Connected)
            {
                throw new SocketException((int)SocketError.ConnectionRefused);
            }

            Track(outbound);
            await outbound.ConnectAsync(_targetHost, _targetPort, _stop.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            Forget(inbound);
            Forget(outbound);
            Reset(inbound);
            outbound.Dispose();
            return;
        }

        _ = PumpAsync(inbound, outbound);
        _ = PumpAsync(outbound, inbound);
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            var source = from.GetStream();
            var target = to.GetStream();
            while (true)
            {
                var read = await source.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                await FlowingAsync().WaitAsync(_stop.Token);
                await target.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or OperationCanceledException or SocketException or InvalidOperationException)
        {
        }
        finally
        {
            Forget(from);
            Forget(to);
            from.Dispose();
            to.Dispose();
        }
    }
}
