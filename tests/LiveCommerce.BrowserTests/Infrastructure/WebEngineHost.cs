using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.BrowserTests.Infrastructure;

/// <summary>
/// The engine's own <c>Program</c> on Kestrel over loopback (a real socket, so a real browser can reach it),
/// in the Development environment so that <c>/dev/token</c> issues demo tokens, with its own Orleans ports
/// and no demo data.
/// </summary>
public sealed class WebEngineHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Auth:SigningKey"] = "browser-tests-signing-key-0123456789-abcdefghijklmnop",
        ["Orleans:Endpoints:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:Endpoints:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:ClusterId"] = "browser-" + Guid.NewGuid().ToString("N")[..8],
        ["Orleans:ServiceId"] = "browser-" + Guid.NewGuid().ToString("N")[..8],
        ["Demo:Seed"] = "false",
        ["Hub:PresenceReportInterval"] = "00:00:00.250",
        ["Streams:ViewerCountInterval"] = "00:00:00.250",
        ["HttpLimits:RequestsPerSecond"] = "100000",
    };

    /// <summary>Starts the engine.</summary>
    public WebEngineHost()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Where the engine listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A plain HTTP client to the engine.</summary>
    public HttpClient Http { get; }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.UseUrls("http://127.0.0.1:0");
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
