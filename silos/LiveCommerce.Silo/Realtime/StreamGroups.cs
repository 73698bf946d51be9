namespace LiveCommerce.Silo.Realtime;

/// <summary>Names of the SignalR groups the engine pushes to.</summary>
public static class StreamGroups
{
    /// <summary>The group of every connection watching <paramref name="streamId"/>.</summary>
    public static string Of(string streamId) => "stream:" + streamId;
}
