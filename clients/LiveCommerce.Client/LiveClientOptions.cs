namespace LiveCommerce.Client;

/// <summary>How a <see cref="LiveViewerClient"/> connects.</summary>
public sealed class LiveClientOptions
{
    /// <summary>The engine's base address, e.g. <c>http://localhost:5080</c>.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>Returns the viewer's JWT, or null to watch anonymously. Called on every (re)connect.</summary>
    public Func<Task<string?>>? AccessTokenProvider { get; init; }

    /// <summary>JSON (default) or MessagePack.</summary>
    public HubProtocol Protocol { get; init; } = HubProtocol.Json;

    /// <summary>Reconnect by itself after a drop, and rejoin the streams it had joined. Default true.</summary>
    public bool AutoReconnect { get; init; } = true;

    /// <summary>The delays between reconnect attempts; the last one repeats. Default 0, 1, 2, 5 seconds.</summary>
    public IReadOnlyList<TimeSpan> ReconnectDelays { get; init; } =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];
}
