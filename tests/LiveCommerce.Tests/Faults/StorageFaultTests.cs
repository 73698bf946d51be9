using LiveCommerce.Client;
using LiveCommerce.Testing;
using LiveCommerce.Testing.Faults;
using LiveCommerce.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.Faults;

/// <summary>
/// The embedded engine on a grain storage that fails writes before and after they land (and some reads and
/// clears) while viewers cart, claim and check out with retries and the creator starts and cancels offers; then
/// faults off, holds lapse and contract v2's invariants are checked over HTTP.
/// </summary>
public sealed class StorageFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HoldPeriod = TimeSpan.FromSeconds(3);

    [Fact]
    public Task Units_are_conserved_and_no_confirmed_order_is_lost_when_grain_storage_fails() => FaultRun.AllRoundsAsync(4101, RunAsync);

    private async Task<IReadOnlyList<string>> RunAsync(int seed)
    {
        var faults = new GrainStorageFaults(seed)
        {
            WriteFailBeforeRate = 0.05,
            WriteFailAfterRate = 0.05,
            ReadFailRate = 0.02,
            ClearFailRate = 0.05,
        };
        Say($"storage faults, seed {seed}: writes fail before landing 5%, after landing 5%, reads 2%, clears 5%");
        await using var host = new EngineHost(settings: new Dictionary<string, string?>
        {
            ["FlashOffers:HoldSeconds"] = ((int)HoldPeriod.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:ClaimsPerSecond"] = "1000",
            ["Hub:ClaimBurst"] = "1000",
        }, storageFaults: faults, configureServices: FaultLogging.Quiet);

        // Setup runs clean.
        var ledger = new CommerceLedger();
        var (stream, _, creator) = await Catalog.LiveStreamAsync(host, products: 0);
        var created = new List<Contracts.Products.Product>();
        foreach (var stock in new[] { 60, 30, 8 })
        {
            var product = await creator.CreateProductAsync(Catalog.Product(stock: stock));
            await creator.AddProductAsync(stream.Id, product.Id);
            ledger.Product(product.Id, stock);
            created.Add(product);
        }

        var buyers = new List<FaultBuyer>();
        for (var i = 0; i < 8; i++)
        {
            buyers.Add(await FaultBuyer.ConnectAsync(host.BaseAddress, $"sf-{seed}-{i}-{Guid.NewGuid():N}"[..20], stream.Id, ledger, seed * 31 + i, i % 2 == 0 ? HubProtocol.Json : HubProtocol.MessagePack));
        }

        var rush = new ShoppingRush(ledger, stream.Id, created, () => creator, seed) { ReconnectWait = TimeSpan.FromSeconds(5) };
        try
        {
            faults.Enabled = true;
            await rush.RunAsync(buyers, steps: 60);
            faults.Enabled = false;
            Say(faults.ToString());

            // Faults off: end every offer, let every hold lapse, then check.
            var violations = await rush.SettleAndCheckAsync(creator, (sub, roles) => host.Api(sub, roles), HoldPeriod, TimeSpan.FromSeconds(20), Say);
            return violations.Select(v => $"[storage faults, seed {seed}] {v}").ToList();
        }
        finally
        {
            faults.Enabled = false;
            await Task.WhenAll(buyers.Select(b => b.DisposeAsync().AsTask()));
        }
    }

    private void Say(string line) => FaultRun.Say(output, line);
}
