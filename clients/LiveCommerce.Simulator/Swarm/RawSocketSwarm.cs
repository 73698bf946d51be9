using System.Diagnostics;
using System.Net;

namespace LiveCommerce.Simulator.Swarm;

/// <summary>
/// Many <see cref="RawViewer"/>s: bare WebSockets speaking the SignalR JSON protocol, the same client code for the
/// engine's hub and for the raw broadcast baseline. Sends each idle viewer a keep-alive ping every few seconds
/// (the hub drops a client it has not heard from in 30 s), except while <see cref="KeepAlivePaused"/>.
/// </summary>
public sealed class RawSocketSwarm : IAsyncDisposable
{
    private static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(10);
    private readonly List<RawViewer> _viewers = [];
    private readonly Lock _gate = new();
    private readonly Action<RawViewer, HubEventKind, int, long>? _onEvent;
    private readonly HttpMessageInvoker _invoker = new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(30),
    });

    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _keepAlive;

    /// <summary>Creates an empty swarm; <paramref name="onEvent"/> sees every event record: viewer, event, record bytes, arrival timestamp.</summary>
    public RawSocketSwarm(Action<RawViewer, HubEventKind, int, long>? onEvent)
    {
        _onEvent = onEvent;
        _keepAlive = KeepAliveAsync(_stopping.Token);
    }

    /// <summary>The connected viewers, by index.</summary>
    public IReadOnlyList<RawViewer> Viewers => _viewers;

    /// <summary>Milliseconds each viewer took to connect, shake hands and (when asked) join.</summary>
    public List<double> ConnectMilliseconds { get; } = [];

    /// <summary>While true no keep-alive is sent (so that none lands inside a measurement).</summary>
    public bool KeepAlivePaused { get; set; }

    /// <summary>
    /// Connects <paramref name="count"/> more viewers, <paramref name="batch"/> at a time, to the WebSocket address
    /// <paramref name="endpointOf"/> gives for each index, with the token <paramref name="tokenOf"/> gives (as
    /// <c>access_token</c>, as the SignalR clients send it), then runs <paramref name="afterHandshake"/> (a join).
    /// </summary>
    public async Task ConnectAsync(
        int count,
        int batch,
        Func<int, Uri> endpointOf,
        Func<int, Task<string?>> tokenOf,
        Func<RawViewer, Task>? afterHandshake,
        Action<int>? progress)
    {
        var first = _viewers.Count;
        for (var start = 0; start < count; start += batch)
        {
            var indexes = Enumerable.Range(first + start, Math.Min(batch, count - start));
            var connected = await Task.WhenAll(indexes.Select(async index =>
            {
                var token = await tokenOf(index);
                var endpoint = endpointOf(index);
                if (token is not null)
                {
                    endpoint = new UriBuilder(endpoint) { Query = "access_token=" + WebUtility.UrlEncode(token) }.Uri;
                }

                var viewer = new RawViewer(index, _onEvent);
                var clock = Stopwatch.StartNew();
                await viewer.ConnectAsync(endpoint, _invoker, _stopping.Token);
                if (afterHandshake is not null)
                {
                    await afterHandshake(viewer);
                }

                return (viewer, clock.Elapsed.TotalMilliseconds);
            }));
            lock (_gate)
            {
                foreach (var (viewer, ms) in connected)
                {
                    _viewers.Add(viewer);
                    ConnectMilliseconds.Add(ms);
                }
            }

            progress?.Invoke(_viewers.Count);
        }
    }

    /// <summary>Closes every viewer (close handshake, then the socket), <paramref name="batch"/> at a time.</summary>
    public async Task CloseAllAsync(int batch = 500)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        RawViewer[] viewers;
        lock (_gate)
        {
            viewers = [.. _viewers];
            _viewers.Clear();
            ConnectMilliseconds.Clear();
        }

        for (var start = 0; start < viewers.Length; start += batch)
        {
            var closing = viewers.Skip(start).Take(batch).Select(async viewer =>
            {
                try
                {
                    await viewer.CloseAsync(deadline.Token);
                    await viewer.Receiving.WaitAsync(TimeSpan.FromSeconds(5), deadline.Token);
                }
                catch (Exception error) when (error is TimeoutException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
                {
                    // Dropped below.
                }

                viewer.Abort();
            });
            await Task.WhenAll(closing);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await CloseAllAsync();
        await _stopping.CancelAsync();
        try
        {
            await _keepAlive;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stopping.Dispose();
        _invoker.Dispose();
    }

    private async Task KeepAliveAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stopping))
        {
            if (KeepAlivePaused)
            {
                continue;
            }

            var due = Stopwatch.GetTimestamp() - (long)(KeepAliveEvery.TotalSeconds * Stopwatch.Frequency);
            RawViewer[] viewers;
            lock (_gate)
            {
                viewers = [.. _viewers];
            }

            foreach (var viewer in viewers)
            {
                if (KeepAlivePaused)
                {
                    break;
                }

                if (viewer.IsOpen && viewer.LastSentAt < due)
                {
                    try
                    {
                        await viewer.PingAsync();
                    }
                    catch (Exception error) when (error is System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
                    {
                        // A viewer that dropped is counted by the scenario, not here.
                    }
                }
            }
        }
    }
}
