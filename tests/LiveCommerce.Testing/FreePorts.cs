using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LiveCommerce.Testing;

/// <summary>
/// Finds free loopback ports, so parallel hosts never collide. A port is picked below the kernel's ephemeral range
/// (<c>/proc/sys/net/ipv4/ip_local_port_range</c>), where the outgoing connections of everything else on the machine
/// take theirs: a port the system hands out for "any free port" can be taken by such a connection between the moment
/// it is picked and the moment a server (a media server, a silo started later) binds it. No port is handed out twice
/// by one process.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 10_000;
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Given = [];

    /// <summary>A port nobody listens on right now, and that this process has not handed out before.</summary>
    public static int Next()
    {
        var below = EphemeralLow();
        lock (Gate)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var port = Random.Shared.Next(Lowest, below);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralLow()
    {
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0];
            var low = int.Parse(first, CultureInfo.InvariantCulture);
            return low > Lowest + 1_000 ? low : 32_768;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}
