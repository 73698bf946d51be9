namespace LiveCommerce.Tests.Fuzz;

/// <summary>The hub protocol a raw fuzz connection speaks.</summary>
public enum HubProtocolKind
{
    /// <summary>The JSON hub protocol: text frames ending in 0x1e.</summary>
    Json,

    /// <summary>The MessagePack hub protocol: length-prefixed binary frames.</summary>
    MessagePack,
}
