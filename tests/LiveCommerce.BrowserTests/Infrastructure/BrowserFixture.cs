using LiveCommerce.Testing;
using Microsoft.Playwright;

namespace LiveCommerce.BrowserTests.Infrastructure;

/// <summary>
/// One engine and one Chromium for all the browser tests: Debian's <c>/usr/bin/chromium</c> (or the one named by
/// <c>LIVECOMMERCE_CHROMIUM</c>), driven by Playwright; no browser download.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The launch flags: headless, no sandbox (root in CI), nothing that reaches out to the network.</summary>
    public static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private EngineHost? _engine;

    /// <summary>The engine, in the Development environment so that the pages' demo sign-in (<c>/dev/token</c>) works.</summary>
    public EngineHost Engine => _engine ?? throw new InvalidOperationException("Not started.");

    /// <summary>The browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>Chromium's path.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("LIVECOMMERCE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not at {ChromiumPath}: apt-get install -y chromium (scripts/test.sh does).");
        }

        _engine = new EngineHost(
            clusterId: "browser-" + Guid.NewGuid().ToString("N")[..8],
            settings: new Dictionary<string, string?>
            {
                ["Hub:PresenceReportInterval"] = "00:00:00.250",
                ["Streams:ViewerCountInterval"] = "00:00:00.250",
            },
            environment: "Development");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>A fresh browser context (its own storage) at the engine's address.</summary>
    public Task<IBrowserContext> NewContextAsync(string locale = "en-US", int width = 390, int height = 844, bool mobile = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Engine.BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = mobile ? 2 : 1,
            IsMobile = mobile,
            HasTouch = mobile,
            TimezoneId = "Asia/Jakarta",
        });

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }
}
