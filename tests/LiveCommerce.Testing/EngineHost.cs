using LiveCommerce.Client;
using LiveCommerce.Testing.Faults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Testing;

/// <summary>
/// One real engine process image: the silo's own <c>Program</c> on Kestrel over loopback, with its own Orleans
/// ports. Several hosts given the same Redis and cluster id form one cluster. The environment is <c>Testing</c>
/// unless told otherwise; in <c>Development</c> the engine also issues demo tokens at <c>/dev/token</c>, signed
/// with the same test key as <see cref="TestTokens"/>.
/// </summary>
public sealed class EngineHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <summary>Creates and starts a host.</summary>
    /// <param name="redis">The Redis connection string; null means the embedded default.</param>
    /// <param name="clusterId">The Orleans cluster and service id; null means a fresh one.</param>
    /// <param name="settings">Settings that override the defaults.</param>
    /// <param name="environment">The hosting environment, <c>Testing</c> by default.</param>
    /// <param name="storageFaults">
    /// When given, the default grain storage (memory or Redis) is wrapped in a <see cref="FaultyGrainStorage"/> that
    /// fails calls as these faults decide, while <see cref="GrainStorageFaults.Enabled"/> is on.
    /// </param>
    /// <param name="configureServices">Changes the engine's services after it registered them (test doubles, decorators).</param>
    public EngineHost(
        string? redis = null,
        string? clusterId = null,
        IDictionary<string, string?>? settings = null,
        string environment = "Testing",
        GrainStorageFaults? storageFaults = null,
        Action<IServiceCollection>? configureServices = null)
    {
        _environment = environment;
        StorageFaults = storageFaults;
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = clusterId ?? "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:ServiceId"] = clusterId ?? "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Demo:Seed"] = "false",
            ["Hub:PresenceReportInterval"] = "00:00:00.200",
            ["Streams:ViewerCountInterval"] = "00:00:00.200",
            ["HttpLimits:RequestsPerSecond"] = "100000",
            // Tiny pages of holds, so that every test's offers seal, chain and compact pages (default 128).
            ["FlashOffers:HoldPageSize"] = "2",
        };
        if (redis is not null)
        {
            _settings["ConnectionStrings:Redis"] = redis;
            _settings["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Where the host listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The faults of the host's grain storage, when it was started with some; switch them with <see cref="GrainStorageFaults.Enabled"/>.</summary>
    public GrainStorageFaults? StorageFaults { get; }

    /// <summary>A plain HTTP client to the host.</summary>
    public HttpClient Http { get; }

    /// <summary>The typed HTTP API as <paramref name="sub"/> with <paramref name="roles"/>.</summary>
    public LiveApiClient Api(string sub, params string[] roles) => new(Http, TestTokens.For(sub, roles));

    /// <summary>A started viewer connection.</summary>
    public async Task<LiveViewerClient> ConnectViewerAsync(string? sub = null, HubProtocol protocol = HubProtocol.Json, string? token = null)
    {
        var access = token ?? (sub is null ? null : TestTokens.For(sub, "viewer"));
        var client = new LiveViewerClient(new LiveClientOptions
        {
            BaseAddress = BaseAddress,
            Protocol = protocol,
            AccessTokenProvider = () => Task.FromResult(access),
        });
        await client.StartAsync();
        return client;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Also last in the app configuration, so they win over appsettings.{environment}.json (Development seeds demo data).
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));

        builder.UseUrls("http://127.0.0.1:0");
        builder.ConfigureTestServices(services =>
        {
            _configureServices?.Invoke(services);
            if (StorageFaults is { } faults)
            {
                services.AddFaultyGrainStorage(faults);
            }
        });
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Orleans", LogLevel.Error).AddFilter("Microsoft.Orleans", LogLevel.Error).AddFilter("Polly", LogLevel.Error));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }

        base.Dispose(disposing);
    }
}
