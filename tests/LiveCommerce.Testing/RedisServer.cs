using System.Diagnostics;
using StackExchange.Redis;

namespace LiveCommerce.Testing;

/// <summary>
/// The Redis the cluster-mode tests use: the one named by <c>LIVECOMMERCE_TEST_REDIS</c> (the test script
/// starts a private one), or else a private <c>redis-server</c> started here on a free loopback port.
/// With neither, the tests fail: they never skip.
/// </summary>
public static class RedisServer
{
    private static readonly Lazy<string> ConnectionValue = new(Start);
    private static Process? _process;

    /// <summary>The connection string of the test Redis.</summary>
    public static string ConnectionString => ConnectionValue.Value;

    private static string Start()
    {
        var configured = Environment.GetEnvironmentVariable("LIVECOMMERCE_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Ping(configured);
            return configured;
        }

        var port = FreePorts.Next();
        try
        {
            _process = Process.Start(new ProcessStartInfo("redis-server",
                $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException(
                "The cluster-mode tests need Redis: set LIVECOMMERCE_TEST_REDIS or install redis-server (scripts/test.sh does both).", error);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                _process?.Kill();
            }
            catch (InvalidOperationException)
            {
            }
        };
        var connection = $"127.0.0.1:{port}";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                Ping(connection);
                return connection;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static void Ping(string connection)
    {
        using var redis = ConnectionMultiplexer.Connect(connection + ",connectTimeout=2000,abortConnect=true");
        redis.GetDatabase().Ping();
    }
}
