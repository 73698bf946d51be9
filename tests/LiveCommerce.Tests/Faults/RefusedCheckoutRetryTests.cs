using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace LiveCommerce.Tests.Faults;

/// <summary>
/// The scenario of the issue, literally: a buyer has 5 units of P (stock 5) and 1 of Q in the cart; the creator
/// starts an offer that takes Q's only unit, so <c>Checkout("k-1")</c> is refused; the creator cancels the offer
/// and the same <c>Checkout("k-1")</c> is retried; then a second buyer buys 5 of P. Confirmed units of P never
/// exceed 5, and contract v2's invariants hold. No injected faults: embedded, and in cluster mode.
/// </summary>
public sealed class RefusedCheckoutRetryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refused_checkout_retried_with_the_same_key_after_a_cancel_never_sells_a_unit_twice(bool redis)
    {
        var mode = redis ? "cluster mode" : "embedded";
        await using var host = new EngineHost(redis ? RedisServer.ConnectionString : null, settings: new Dictionary<string, string?>
        {
            ["FlashOffers:HoldSeconds"] = "3",
        }, configureServices: FaultLogging.Quiet);
        var ledger = new CommerceLedger();
        var (stream, products, creatorId) = await FaultShop.OpenAsync((sub, roles) => host.Api(sub, roles), ledger, 5, 1);
        var (p, q) = (products[0], products[1]);
        var creator = host.Api(creatorId, "creator", "seller");
        await using var first = await FaultBuyer.ConnectAsync(host.BaseAddress, "first-" + Guid.NewGuid().ToString("N")[..8], stream.Id, ledger, 1);
        await using var second = await FaultBuyer.ConnectAsync(host.BaseAddress, "second-" + Guid.NewGuid().ToString("N")[..8], stream.Id, ledger, 2);

        await first.Client.AddToCartAsync(stream.Id, p.Id, 5);
        await first.Client.AddToCartAsync(stream.Id, q.Id, 1);
        var offer = await creator.CreateOfferAsync(stream.Id, new CreateOfferRequest
        {
            ProductId = q.Id,
            Price = new Money(q.Price.Amount / 2, q.Price.Currency),
            Quantity = 1,
            DurationSeconds = 60,
        });

        var steps = new List<string>();
        try
        {
            var unexpected = await first.Client.CheckoutAsync("k-1");
            ledger.Answered(first.Id, "k-1", unexpected, 1);
            steps.Add($"Checkout(\"k-1\") with Q's only unit in an offer was confirmed: order {unexpected.Id}");
        }
        catch (HubException refused)
        {
            steps.Add($"Checkout(\"k-1\") refused: \"{refused.Message}\"; P stock now {(await creator.GetProductAsync(p.Id)).Stock}");
        }

        await creator.CancelOfferAsync(stream.Id, offer.Id);
        steps.Add($"offer cancelled; P stock {(await creator.GetProductAsync(p.Id)).Stock}, Q stock {(await creator.GetProductAsync(q.Id)).Stock}");
        var retried = await first.CheckoutAsync("k-1", attempts: 1);
        steps.Add(retried is null ? "retried Checkout(\"k-1\") refused" : $"retried Checkout(\"k-1\") confirmed order {retried.Id}: {Describe(retried)}");
        steps.Add($"P stock after the retry: {(await creator.GetProductAsync(p.Id)).Stock}");

        var added = await second.TryAsync(() => second.Client.AddToCartAsync(stream.Id, p.Id, 5));
        steps.Add(added is null ? "second buyer could not put 5 of P in the cart" : "second buyer put 5 of P in the cart");
        var secondOrder = await second.CheckoutAsync("k-2", attempts: 1);
        steps.Add(secondOrder is null ? "second buyer's checkout refused" : $"second buyer's checkout confirmed order {secondOrder.Id}: {Describe(secondOrder)}");

        await ledger.SettleAsync(creator, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
        var violations = (await ledger.CheckAsync((sub, roles) => host.Api(sub, roles))).ToList();
        var confirmedP = 0;
        foreach (var buyer in new[] { first.Id, second.Id })
        {
            var page = await host.Api(buyer, "viewer").ListOrdersAsync(1, 100);
            confirmedP += page.Items.SelectMany(o => o.Items).Where(i => i.ProductId == p.Id).Sum(i => i.Quantity);
        }

        if (confirmedP > 5)
        {
            violations.Insert(0, $"confirmed units of P: {confirmedP} > 5");
        }

        output.WriteLine($"issue scenario, {mode}:");
        foreach (var line in steps.Concat(violations.Select(v => "VIOLATION " + v)))
        {
            output.WriteLine("  " + line);
            Console.WriteLine($"[faults] issue scenario ({mode}): {line}");
        }

        Assert.True(violations.Count == 0, $"{mode}: {violations.Count} violations:\n" + string.Join("\n", violations) + "\nsteps:\n" + string.Join("\n", steps));
    }

    private static string Describe(Order order) => string.Join(", ", order.Items.Select(i => $"{i.ProductId}×{i.Quantity}"));
}
