namespace LiveCommerce.Client;

/// <summary>The wire protocol of a hub connection.</summary>
public enum HubProtocol
{
    /// <summary>SignalR's JSON protocol.</summary>
    Json,

    /// <summary>SignalR's MessagePack protocol (the same camelCase field names).</summary>
    MessagePack,
}
