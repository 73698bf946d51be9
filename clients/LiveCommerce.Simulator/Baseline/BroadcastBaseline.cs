using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LiveCommerce.Simulator.Swarm;

namespace LiveCommerce.Simulator.Baseline;

/// <summary>
/// The fan-out baseline: a raw WebSocket broadcast loop on Kestrel, with no SignalR. <c>/ws</c> accepts a socket,
/// answers the SignalR JSON handshake with <c>{}</c> (so the very same viewer client drives it and the engine) and
/// keeps it, reading and discarding whatever the viewer sends. <c>POST /broadcast</c> sends its body, as one text
/// message, to every socket in one loop and answers when every send finished. <c>GET /count</c> tells how many
/// sockets it holds.
/// </summary>
public static class BroadcastBaseline
{
    /// <summary>The WebSocket path.</summary>
    public const string SocketPath = "/ws";

    /// <summary>The bytes each held socket keeps to read (and discard) what its viewer sends.</summary>
    public const int ReadBufferBytes = 256;

    /// <summary>The largest broadcast body; a larger or empty one is refused (400).</summary>
    public const int MaxFrameBytes = 64 * 1024;

    /// <summary>Serves on <paramref name="listenOn"/> until <paramref name="stopping"/> is cancelled or the process is stopped.</summary>
    public static async Task RunAsync(Uri listenOn, CancellationToken stopping = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listenOn.GetLeftPart(UriPartial.Authority));
        var app = builder.Build();
        var sockets = new SocketRegistry();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Map(SocketPath, async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await HoldAsync(socket, sockets);
        });
        app.MapPost("/broadcast", async context =>
        {
            var frame = await ReadBodyAsync(context.Request);
            if (frame is not { Length: > 0 })
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var (sent, failed, milliseconds) = await sockets.BroadcastAsync(frame);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(FormattableString.Invariant($"{{\"sent\":{sent},\"failed\":{failed},\"loopMs\":{milliseconds:0.###}}}"));
        });
        app.MapGet("/count", context => context.Response.WriteAsync(sockets.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await ((IHost)app).RunAsync(stopping);
    }

    private static async Task HoldAsync(WebSocket socket, SocketRegistry sockets)
    {
        var buffer = new byte[ReadBufferBytes];
        try
        {
            // The viewer's first record is its handshake; answer it, then hold the socket.
            var handshake = 0;
            while (Array.IndexOf(buffer, JsonHubFraming.RecordSeparator, 0, handshake) < 0)
            {
                if (handshake == buffer.Length)
                {
                    return;
                }

                var received = await socket.ReceiveAsync(buffer.AsMemory(handshake), CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                handshake += received.Count;
            }

            await socket.SendAsync(JsonHubFraming.HandshakeAccepted, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            var held = sockets.Add(socket);
            try
            {
                while (true)
                {
                    var received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }
                }

                await sockets.CloseAsync(held, socket);
            }
            finally
            {
                sockets.Remove(held, socket);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or IOException)
        {
            // The viewer went away.
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (body.Length + read > MaxFrameBytes)
            {
                return null;
            }

            body.Write(chunk, 0, read);
        }

        return body.ToArray();
    }
}
