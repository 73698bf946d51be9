namespace LiveCommerce.Testing;

/// <summary>How a <see cref="TcpProxy"/> treats traffic.</summary>
public enum ProxyMode
{
    /// <summary>Forwards every byte both ways (the normal state).</summary>
    Forward,

    /// <summary>Resets every new connection as soon as it is accepted, as a peer that is down would.</summary>
    Refuse,

    /// <summary>
    /// Holds every byte, on open connections and on new ones (accepted but not connected onwards), until
    /// <see cref="TcpProxy.Restore"/>: then what was held is forwarded late, as a network that stalled would.
    /// </summary>
    Stall,
}
