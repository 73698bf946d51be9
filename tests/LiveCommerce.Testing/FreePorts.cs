using System.Net;
using System.Net.Sockets;

namespace LiveCommerce.Testing;

/// <summary>Finds free loopback ports, so parallel hosts never collide.</summary>
public static class FreePorts
{
    /// <summary>A port nobody listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
