using System.Diagnostics;
using System.Globalization;

namespace LiveCommerce.Testing.Media;

/// <summary>
/// A private media server for a test: <c>scripts/media.sh start</c> on free loopback ports with its own folder,
/// calling back the engine at <see cref="EngineUrl"/>; disposing runs <c>scripts/media.sh stop</c> with the same
/// settings. The script installs nginx, the RTMP module and ffmpeg when they are missing, so the tests never skip.
/// </summary>
public sealed class MediaServer : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    private MediaServer(Uri engineUrl, string? callbackSecret, int updateSeconds, int? rtmpPort, int? httpPort)
    {
        EngineUrl = engineUrl;
        RtmpPort = rtmpPort ?? FreePorts.Next();
        HttpPort = httpPort ?? FreePorts.Next();
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "livecommerce-media-test-" + Guid.NewGuid().ToString("N")[..8]);
        _environment = new Dictionary<string, string>
        {
            ["MEDIA_RTMP_PORT"] = RtmpPort.ToString(CultureInfo.InvariantCulture),
            ["MEDIA_HTTP_PORT"] = HttpPort.ToString(CultureInfo.InvariantCulture),
            ["MEDIA_ENGINE_URL"] = engineUrl.ToString().TrimEnd('/'),
            ["MEDIA_DIR"] = Folder,
            ["MEDIA_UPDATE_SECONDS"] = updateSeconds.ToString(CultureInfo.InvariantCulture),
            ["MEDIA_CALLBACK_SECRET"] = callbackSecret ?? string.Empty,
        };
    }

    /// <summary>The engine the media server calls back.</summary>
    public Uri EngineUrl { get; }

    /// <summary>The RTMP port.</summary>
    public int RtmpPort { get; }

    /// <summary>The HTTP port of the HLS.</summary>
    public int HttpPort { get; }

    /// <summary>The media server's folder (configuration, HLS, recordings, logs).</summary>
    public string Folder { get; }

    /// <summary>The RTMP address encoders push to.</summary>
    public string RtmpUrl => $"rtmp://127.0.0.1:{RtmpPort}/live";

    /// <summary>The HLS base, as the engine's <c>Media:PlaybackBaseUrl</c> names it.</summary>
    public string PlaybackBaseUrl => $"http://127.0.0.1:{HttpPort}/hls";

    /// <summary>
    /// Starts a media server; <paramref name="updateSeconds"/> is how often it reports a running push. The ports are
    /// free ones unless given (a test that configures the engine with them first picks them with <see cref="FreePorts"/>).
    /// </summary>
    public static async Task<MediaServer> StartAsync(
        Uri engineUrl, string? callbackSecret = null, int updateSeconds = 1, int? rtmpPort = null, int? httpPort = null)
    {
        ArgumentNullException.ThrowIfNull(engineUrl);
        var server = new MediaServer(engineUrl, callbackSecret, updateSeconds, rtmpPort, httpPort);
        var (exit, output) = await server.RunScriptAsync("start", TimeSpan.FromMinutes(5));
        if (exit != 0)
        {
            throw new InvalidOperationException($"scripts/media.sh start failed ({exit}):\n{output}");
        }

        return server;
    }

    /// <summary>The media server's error log so far (for a failing test's output).</summary>
    public string ErrorLog()
    {
        var path = System.IO.Path.Combine(Folder, "logs", "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await RunScriptAsync("stop", TimeSpan.FromSeconds(30));
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A recording still being turned into HLS may hold a file for a moment; the folder is in /tmp.
        }
    }

    private async Task<(int Exit, string Output)> RunScriptAsync(string command, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash", [RepositoryRoot.Combine("scripts", "media.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await errors);
    }
}
