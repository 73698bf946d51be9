using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiveCommerce.Client;

namespace LiveCommerce.Testing;

/// <summary>
/// The engine as a separate OS process: <c>dotnet LiveCommerce.Silo.dll</c> (the build of silos/LiveCommerce.Silo
/// next to the test build, or <c>LIVECOMMERCE_SILO_DLL</c>) in cluster mode, with its own HTTP, silo and gateway
/// ports, which it keeps across <see cref="KillAsync"/> and <see cref="StartAsync"/>: a silo killed with SIGKILL
/// comes back on the same endpoints. Its output goes to a log file (<see cref="LogPath"/>).
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _dll;
    private readonly Lock _logGate = new();
    private readonly StreamWriter _log;
    private Process? _process;
    private volatile bool _ready;

    /// <summary>Describes a silo; <see cref="StartAsync"/> runs it.</summary>
    /// <param name="redis">The Redis connection string (cluster mode).</param>
    /// <param name="clusterId">The Orleans cluster and service id the silos of one cluster share.</param>
    /// <param name="name">A name for the log.</param>
    /// <param name="settings">Settings (configuration keys with <c>:</c>) over the defaults.</param>
    public SiloProcess(string redis, string clusterId, string name, IDictionary<string, string?>? settings = null)
    {
        Name = name;
        HttpPort = FreePorts.Next();
        SiloPort = FreePorts.Next();
        GatewayPort = FreePorts.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}");
        _dll = LocateSiloDll();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Orleans:Endpoints:SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
            ["Demo:Seed"] = "false",
            ["FlashOffers:HoldSeconds"] = "3",
            ["FlashOffers:HoldPageSize"] = "2",
            ["HttpLimits:RequestsPerSecond"] = "100000",
            ["Hub:ClaimsPerSecond"] = "1000",
            ["Hub:ClaimBurst"] = "1000",
            ["Hub:PresenceReportInterval"] = "00:00:00.200",
            ["Streams:ViewerCountInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            ["Logging:LogLevel:Microsoft.Orleans"] = "Error",
            ["Logging:LogLevel:Polly"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore.SignalR"] = "Critical",

            // Orleans binds Orleans:Messaging itself: calls to a silo that died fail after 10 s rather than 30 s.
            ["Orleans:Messaging:ResponseTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        _environment = values.Where(v => v.Value is not null).ToDictionary(v => v.Key.Replace(":", "__", StringComparison.Ordinal), v => v.Value!, StringComparer.Ordinal);
        _environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        _environment["DOTNET_ENVIRONMENT"] = "Testing";
        LogPath = Path.Combine(Path.GetTempPath(), $"livecommerce-silo-{name}-{HttpPort}.log");
        _log = new StreamWriter(LogPath, append: false, Encoding.UTF8) { AutoFlush = true };
    }

    /// <summary>The silo's name in logs.</summary>
    public string Name { get; }

    /// <summary>The HTTP port (kept across restarts).</summary>
    public int HttpPort { get; }

    /// <summary>The Orleans silo port.</summary>
    public int SiloPort { get; }

    /// <summary>The Orleans gateway port.</summary>
    public int GatewayPort { get; }

    /// <summary>Where the engine listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The log file of every run of this silo.</summary>
    public string LogPath { get; }

    /// <summary>Whether the process runs now.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Whether the process runs and answered <c>/health/ready</c> since it was last started.</summary>
    public bool IsReady => _ready && IsRunning;

    /// <summary>The OS process id of the current run.</summary>
    public int? ProcessId => _process is { HasExited: false } running ? running.Id : null;

    /// <summary>How many times the silo was started.</summary>
    public int Starts { get; private set; }

    /// <summary>A plain HTTP client to the silo (a new one each time: dispose it).</summary>
    public HttpClient NewHttp() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The typed HTTP API as <paramref name="sub"/> with <paramref name="roles"/>, over <paramref name="http"/>.</summary>
    public static LiveApiClient Api(HttpClient http, string sub, params string[] roles) => new(http, TestTokens.For(sub, roles));

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"Silo {Name} is already running.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
        };
        start.ArgumentList.Add(_dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Log(line.Data);
        process.ErrorDataReceived += (_, line) => Log(line.Data);
        Log($"=== start #{Starts + 1} of {Name} at {DateTimeOffset.UtcNow:O}: http {HttpPort}, silo {SiloPort}, gateway {GatewayPort}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        var started = Stopwatch.StartNew();
        await WaitReadyAsync(timeout ?? TimeSpan.FromSeconds(120));
        _ready = true;
        Log($"=== {Name} ready after {started.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Kills the process with SIGKILL (no shutdown of any kind) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _ready = false;
        if (_process is not { } process)
        {
            return;
        }

        Log($"=== SIGKILL {Name} (pid {(process.HasExited ? "exited" : process.Id.ToString(CultureInfo.InvariantCulture))}) at {DateTimeOffset.UtcNow:O}");
        if (!process.HasExited)
        {
            // On Linux Process.Kill sends SIGKILL.
            process.Kill(entireProcessTree: false);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
    }

    /// <summary>Kills and starts again on the same ports.</summary>
    public async Task RestartAsync(TimeSpan? timeout = null)
    {
        await KillAsync();
        await StartAsync(timeout);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"Silo {Name} exited before it was ready; see {LogPath}:\n{Tail()}");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Silo {Name} was not ready within {timeout}; see {LogPath}:\n{Tail()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The last lines of the log.</summary>
    public string Tail(int lines = 40)
    {
        lock (_logGate)
        {
            _log.Flush();
        }

        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException error)
        {
            return error.Message;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        lock (_logGate)
        {
            _log.Dispose();
        }
    }

    private static string LocateSiloDll()
    {
        var configured = Environment.GetEnvironmentVariable("LIVECOMMERCE_SILO_DLL");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        // The test build sits in tests/<project>/bin/<configuration>/<tfm>/; the silo's own build in
        // silos/LiveCommerce.Silo/bin/<configuration>/<tfm>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = here.Parent?.Name ?? "Release";
        for (var folder = here; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LiveCommerce.sln")))
            {
                var own = Path.Combine(folder.FullName, "silos", "LiveCommerce.Silo", "bin", configuration, tfm, "LiveCommerce.Silo.dll");
                if (File.Exists(own))
                {
                    return own;
                }

                break;
            }
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "LiveCommerce.Silo.dll");
        return File.Exists(beside)
            ? beside
            : throw new FileNotFoundException("LiveCommerce.Silo.dll was not found; build silos/LiveCommerce.Silo or set LIVECOMMERCE_SILO_DLL.");
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
