using System.Globalization;
using LiveCommerce.Client;

namespace LiveCommerce.Simulator;

/// <summary>Command-line options of the simulator.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        LiveCommerce viewer simulator

          dotnet run -c Release --project clients/LiveCommerce.Simulator -- <scenario> [options]

        Scenarios:
          fanout      pin a product again and again; time from the pin request to every viewer's receipt
          rush        a pin, then a flash offer that every signed-in viewer claims at once
          engagement  viewers react and open products for --duration s (lost must be 0), then the same pace of Ping

        Benchmarks (bare WebSocket viewers speaking SignalR JSON; the same client for --target engine and baseline):
          bench-fanout  pin (engine) or trigger a broadcast (baseline) --runs times; per-viewer delivery p50 / p99,
                        last viewer, burst deliveries/s and events delivered
          bench-memory  RSS of --pid before and after --viewers connected (and joined) and idle for --idle s
          bench-rush    --runs rounds of: --viewers x --claims-per-viewer Ping calls at once, then as many claims at
                        once on a new --units offer; claims/s against empty calls/s (engine only)
          baseline      serve the raw WebSocket broadcast baseline (Kestrel, no SignalR) on the first --url

        Options:
          --url URL            engine address; repeat for a cluster (viewers are spread round-robin)   [http://localhost:5080]
          --viewers N          connected viewers                                                         [1000]
          --protocol P         json | msgpack | mixed                                                     [mixed]
          --runs N             measured repetitions (fanout, bench-fanout; rounds of bench-rush)          [7]
          --units N            units in the flash offer (rush)                                            [50]
          --claims-per-viewer N  claims each viewer fires at once (rush; the default claim burst is 4)   [3]
          --duration S         seconds of behaviour (engagement)                                          [30]
          --rate R             calls per viewer per second (engagement; keep under 10, the hub's limits)  [4]
          --signing-key KEY    sign tokens with this HS256 key instead of asking /dev/token (Development only)
          --connect-batch N    viewers connecting at once                                                 [50]
          --target T           bench-*: engine | baseline                                                 [engine]
          --pid PID            bench-*: the server process whose VmRSS (/proc/PID/status) and CPU time
                               (/proc/PID/stat) are read; repeat for a cluster (summed); bench-memory needs it
          --idle S             bench-memory: seconds idle before each RSS reading                         [5]
          --timeout S          bench-*: seconds to wait for every viewer's event                          [60]
          --json               print the summary as JSON
          -h, --help           print this text and exit
        """;

    /// <summary>The scenario to run.</summary>
    public string Scenario { get; private set; } = "fanout";

    /// <summary>Engine addresses.</summary>
    public List<Uri> Urls { get; } = [];

    /// <summary>Viewers to connect.</summary>
    public int Viewers { get; private set; } = 1000;

    /// <summary>Which protocol viewers use: null for mixed.</summary>
    public HubProtocol? Protocol { get; private set; }

    /// <summary>Measured repetitions.</summary>
    public int Runs { get; private set; } = 7;

    /// <summary>Units in the flash offer.</summary>
    public int Units { get; private set; } = 50;

    /// <summary>Claims each viewer fires at once in a rush.</summary>
    public int ClaimsPerViewer { get; private set; } = 3;

    /// <summary>Seconds of behaviour.</summary>
    public int DurationSeconds { get; private set; } = 30;

    /// <summary>Calls per viewer per second in the engagement scenario.</summary>
    public double Rate { get; private set; } = 4;

    /// <summary>HS256 key to sign tokens locally.</summary>
    public string? SigningKey { get; private set; }

    /// <summary>Viewers connecting at once.</summary>
    public int ConnectBatch { get; private set; } = 50;

    /// <summary>JSON output.</summary>
    public bool Json { get; private set; }

    /// <summary>Whether the usage text was asked for.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>What a benchmark drives: <c>engine</c> or <c>baseline</c>.</summary>
    public string Target { get; private set; } = "engine";

    /// <summary>The server processes whose memory a benchmark reads (summed).</summary>
    public List<int> Pids { get; } = [];

    /// <summary>Seconds idle before a memory reading.</summary>
    public int IdleSeconds { get; private set; } = 5;

    /// <summary>Seconds to wait for an event to reach every viewer.</summary>
    public int TimeoutSeconds { get; private set; } = 60;

    /// <summary>Whether a benchmark drives the raw broadcast baseline rather than the engine.</summary>
    public bool AgainstBaseline => Target == "baseline";

    /// <summary>
    /// Parses the arguments; returns null (after writing why to standard error) when they are wrong. <c>-h</c> or
    /// <c>--help</c> gives options with <see cref="ShowHelp"/> set.
    /// </summary>
    public static SimulatorOptions? Parse(string[] args, TextWriter? errors = null)
    {
        var options = new SimulatorOptions();
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
                switch (args[i])
                {
                    case "--url": options.Urls.Add(new Uri(Next())); break;
                    case "--viewers": options.Viewers = Number(); break;
                    case "--runs": options.Runs = Number(); break;
                    case "--units": options.Units = Number(); break;
                    case "--claims-per-viewer": options.ClaimsPerViewer = Number(); break;
                    case "--duration": options.DurationSeconds = Number(); break;
                    case "--rate": options.Rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--connect-batch": options.ConnectBatch = Number(); break;
                    case "--signing-key": options.SigningKey = Next(); break;
                    case "--json": options.Json = true; break;
                    case "--pid": options.Pids.Add(Number()); break;
                    case "--idle": options.IdleSeconds = Number(); break;
                    case "--timeout": options.TimeoutSeconds = Number(); break;
                    case "--target":
                        options.Target = Next() switch
                        {
                            "engine" => "engine",
                            "baseline" => "baseline",
                            var other => throw new ArgumentException($"unknown target {other}; use engine or baseline"),
                        };
                        break;
                    case "--protocol":
                        options.Protocol = Next() switch
                        {
                            "json" => HubProtocol.Json,
                            "msgpack" or "messagepack" => HubProtocol.MessagePack,
                            "mixed" => null,
                            var other => throw new ArgumentException($"unknown protocol {other}"),
                        };
                        break;
                    case "-h" or "--help": options.ShowHelp = true; break;
                    case var scenario when !scenario.StartsWith('-'): options.Scenario = scenario; break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
        }
        catch (Exception error) when (error is ArgumentException or FormatException or UriFormatException)
        {
            (errors ?? Console.Error).WriteLine(error.Message);
            return null;
        }

        if (options.Urls.Count == 0)
        {
            options.Urls.Add(new Uri("http://localhost:5080"));
        }

        return options;
    }

    /// <summary>The protocol of the viewer with index <paramref name="index"/>.</summary>
    public HubProtocol ProtocolOf(int index) => Protocol ?? (index % 2 == 0 ? HubProtocol.Json : HubProtocol.MessagePack);
}
