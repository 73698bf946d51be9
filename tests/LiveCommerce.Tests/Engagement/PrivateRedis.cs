using System.Diagnostics;
using LiveCommerce.Testing;

namespace LiveCommerce.Tests.Engagement;

/// <summary>A redis-server of a test's own, on a port chosen up front, that the test stops and starts (outages).</summary>
public sealed class PrivateRedis : IDisposable
{
    private Process? _process;

    /// <summary>The port it listens on when running.</summary>
    public int Port { get; } = FreePorts.Next();

    /// <summary>Its connection string; <c>abortConnect=false</c> so a client can be made while it is down.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,connectRetry=1,asyncTimeout=500,syncTimeout=500";

    /// <summary>Starts it and waits until it answers.</summary>
    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server", $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops it.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <inheritdoc />
    public void Dispose() => Stop();
}
