using LiveCommerce.Grains.Offers;
using LiveCommerce.Tests.Model;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LiveCommerce.Tests.Rules;

/// <summary>
/// What one group write of an offer stores, measured in the bytes the Orleans serializer makes of the head (what
/// Redis mode stores; embedded mode copies the same): it does not grow with the number of holds made before.
/// </summary>
public sealed class OfferHeadSizeTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_stored_head_per_group_write_does_not_grow_with_the_number_of_earlier_holds()
    {
        using var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(FlashOfferState).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var run = new HoldLedgerRun(stock: 6_000, quantity: 6_000, limit: 1, duration: 3_600, Start);
        var ledger = new HoldLedger(run.State, HoldLedgerRun.OfferId, [], HoldLog.DefaultPageSize);
        var pages = new List<int>();
        var early = 0;
        var late = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var claim = ledger.Claim("viewer-" + i, Start.AddMilliseconds(i), TimeSpan.FromMinutes(5));
            Assert.Equal("reserved", claim.Status);
            if (i % 4 == 0)
            {
                ledger.Confirm(claim.ReservationId!, "viewer-" + i, "order-" + i, Start.AddMilliseconds(i));
            }

            if (ledger.Log.NeedsSeal)
            {
                var seal = ledger.Log.BeginSeal(ledger.Holds);
                pages.AddRange(seal.Pages.Select(p => p.Value.Holds.Count));
                ledger.Log.Commit(seal);
            }

            // One group write per claim: the worst case for what each write carries.
            var bytes = serializer.SerializeToArray(run.State).Length;
            if (i is >= 200 and < 1_200)
            {
                early = Math.Max(early, bytes);
            }
            else if (i >= 4_000)
            {
                late = Math.Max(late, bytes);
            }

            run.State.Outbox.Clear();
        }

        Assert.True(late <= early + 16, $"a group write stored up to {early} bytes after 1,200 holds and up to {late} bytes after 5,000");
        Assert.True(early < 64 * 1024, $"a group write stored up to {early} bytes");
        Assert.True(pages.Count >= 5_000 / HoldLog.DefaultPageSize, $"{pages.Count} pages sealed for 5,000 holds");
        Assert.True(pages.Max() <= HoldLog.DefaultPageSize, $"a page of {pages.Max()} holds");
    }
}
