namespace LiveCommerce.Silo.Realtime;

/// <summary>
/// How much the engine buffers for each hub connection, and what it does with a viewer who stops reading
/// (configuration section <c>HubTransport</c>). A viewer's outgoing messages pass, in order, through its outbox
/// (<see cref="ViewerOutbox"/>), SignalR's send buffer, the WebSocket and Kestrel's response buffer, then the kernel.
/// While a viewer keeps up, the outbox is empty and costs nothing. When SignalR's send buffer is full, messages wait
/// in the outbox instead of holding up the sender, so a fan-out never waits for the slowest viewer; there, a newer
/// <c>OfferUpdated</c> of an offer or <c>ViewerCount</c> of a stream replaces the one still waiting. A connection
/// whose outbox would hold more than <see cref="OutboxBytes"/>, or whose socket takes longer than
/// <see cref="SendTimeout"/> to accept a write, is closed: the viewer's client reconnects, rejoins and redraws from a
/// fresh snapshot, as after any dropped connection.
/// </summary>
public sealed class HubTransportOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "HubTransport";

    /// <summary>Bytes a connection's outbox may hold (messages waiting behind a full send buffer). Default 64 KiB.</summary>
    public int OutboxBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// SignalR's buffer, each way (<c>ApplicationMaxBufferSize</c> and <c>TransportMaxBufferSize</c>): the bytes it
    /// holds for a connection before the writer waits (sending) or the socket is no longer read (receiving). It must
    /// hold the largest hub frame (16 KiB). Default 32 KiB (SignalR's own default is 64 KiB).
    /// </summary>
    public int BufferBytes { get; set; } = 32 * 1024;

    /// <summary>How long one write to a viewer's socket may take before the connection is closed (SignalR's <c>TransportSendTimeout</c>). Default 10 seconds.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
