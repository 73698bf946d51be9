using LiveCommerce.Client;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Testing;

namespace LiveCommerce.Tests.Faults;

/// <summary>
/// The setup the process fault tests share: two engine processes (<see cref="A"/> and <see cref="B"/>) of one
/// cluster on one Redis, a live stream of three products (stock 40, 20 and 6), ten buyers spread over both
/// processes on both hub protocols, and a <see cref="ShoppingRush"/> whose creator calls whichever process is up.
/// Disposing it disconnects the buyers and stops both processes.
/// </summary>
public sealed class ProcessClusterRun : IAsyncDisposable
{
    private readonly HttpClient _httpA;
    private readonly HttpClient _httpB;
    private readonly List<FaultBuyer> _buyers = [];
    private IReadOnlyList<Product> _products = [];

    /// <summary>How long a claim holds a unit in an engine process (its <c>FlashOffers:HoldSeconds</c>).</summary>
    public static readonly TimeSpan HoldPeriod = TimeSpan.FromSeconds(3);

    private ProcessClusterRun(SiloProcess a, SiloProcess b)
    {
        A = a;
        B = b;
        _httpA = a.NewHttp();
        _httpB = b.NewHttp();
    }

    /// <summary>The first engine process; setup and checks go through it.</summary>
    public SiloProcess A { get; }

    /// <summary>The second engine process.</summary>
    public SiloProcess B { get; }

    /// <summary>What the run's clients saw.</summary>
    public CommerceLedger Ledger { get; } = new();

    /// <summary>The live stream.</summary>
    public LiveStream Stream { get; private set; } = null!;

    /// <summary>The stream's creator's API on <see cref="A"/>.</summary>
    public LiveApiClient Creator { get; private set; } = null!;

    /// <summary>The workload.</summary>
    public ShoppingRush Rush { get; private set; } = null!;

    /// <summary>The buyers.</summary>
    public IReadOnlyList<FaultBuyer> Buyers => _buyers;

    /// <summary>
    /// Starts both processes of cluster <paramref name="clusterId"/> on <paramref name="redis"/>, opens the shop and
    /// connects the buyers (ids starting <paramref name="buyerPrefix"/>), all seeded from <paramref name="seed"/>.
    /// </summary>
    public static async Task<ProcessClusterRun> StartAsync(string redis, string clusterId, string buyerPrefix, int seed)
    {
        var a = new SiloProcess(redis, clusterId, "a");
        SiloProcess b;
        try
        {
            b = new SiloProcess(redis, clusterId, "b");
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }

        var run = new ProcessClusterRun(a, b);
        try
        {
            await Task.WhenAll(a.StartAsync(), b.StartAsync());
            var (stream, products, creatorId) = await FaultShop.OpenAsync(run.Api, run.Ledger, 40, 20, 6);
            run.Stream = stream;
            for (var i = 0; i < 10; i++)
            {
                run._buyers.Add(await FaultBuyer.ConnectAsync(i % 2 == 0 ? a.BaseAddress : b.BaseAddress, $"{buyerPrefix}-{seed}-{i}-{Guid.NewGuid():N}"[..20], stream.Id, run.Ledger, seed * 31 + i,
                    i % 3 == 0 ? HubProtocol.MessagePack : HubProtocol.Json));
            }

            var creator = run.Api(creatorId, ["creator", "seller"]);
            var creatorOnB = SiloProcess.Api(run._httpB, creatorId, "creator", "seller");
            run.Creator = creator;
            run.Rush = new ShoppingRush(run.Ledger, stream.Id, products, () => a.IsReady ? creator : creatorOnB, seed)
            {
                ReconnectWait = TimeSpan.FromSeconds(45),
                CheckoutAttempts = 4,
            };
            run._products = products;
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of <see cref="A"/> as <paramref name="sub"/> with <paramref name="roles"/>.</summary>
    public LiveApiClient Api(string sub, string[] roles) => SiloProcess.Api(_httpA, sub, roles);

    /// <summary>Starts a 30-second offer of half the stock (at least one unit) of every product.</summary>
    public async Task StartOffersAsync()
    {
        foreach (var product in _products)
        {
            await Rush.StartOfferAsync(product, quantity: Math.Max(1, product.Stock / 2), seconds: 30);
        }
    }

    /// <summary>Waits until both processes are ready, each up to <paramref name="timeout"/>.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        await A.WaitReadyAsync(timeout);
        await B.WaitReadyAsync(timeout);
    }

    /// <summary>
    /// <see cref="ShoppingRush.SettleAndCheckAsync"/> through <see cref="A"/> (holds of <see cref="HoldPeriod"/>, 30 s to
    /// settle), and when there are violations the log files of both processes; the violations.
    /// </summary>
    public async Task<IReadOnlyList<string>> SettleAndCheckAsync(Action<string> say, Func<string>? detail = null)
    {
        ArgumentNullException.ThrowIfNull(say);
        var violations = await Rush.SettleAndCheckAsync(Creator, Api, HoldPeriod, TimeSpan.FromSeconds(30), say, detail);
        if (violations.Count > 0)
        {
            say($"logs: {A.LogPath}, {B.LogPath}");
        }

        return violations;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_buyers.Select(x => x.DisposeAsync().AsTask()));
        }
        finally
        {
            _httpB.Dispose();
            _httpA.Dispose();
            try
            {
                await B.DisposeAsync();
            }
            finally
            {
                await A.DisposeAsync();
            }
        }
    }
}
