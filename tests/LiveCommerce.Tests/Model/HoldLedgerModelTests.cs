using CsCheck;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Contracts.Commerce;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Grains.Offers;
using LiveCommerce.Grains.Products;

namespace LiveCommerce.Tests.Model;

/// <summary>
/// <see cref="HoldLedger"/> on its own (no cluster), against <see cref="OfferModel"/>. Its outbox is applied to a
/// real <see cref="StockLedger"/> after every step, as the grain does, so the net stock effect is checked too.
/// </summary>
public sealed class HoldLedgerModelTests
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_last_claim_ends_the_offer_sold_out_and_a_lapse_after_the_end_goes_back_to_stock()
    {
        var run = new HoldLedgerRun(stock: 5, quantity: 2, limit: 1, duration: 100, Start);
        Assert.Equal(ClaimStatus.Reserved, run.Ledger.Claim("a", Start, HoldFor).Status);
        var last = run.Ledger.Claim("b", Start, HoldFor);
        Assert.True(last.SoldOut);
        Assert.Equal(ClaimStatus.SoldOut, run.Ledger.Claim("c", Start, HoldFor).Status);
        Assert.Equal(ClaimStatus.LimitReached, run.Ledger.Claim("a", Start, HoldFor).Status);
        run.Ledger.Confirm(last.ReservationId!, "b", "order:1", Start);
        Assert.Single(run.Ledger.LapseDue(Start + HoldFor));
        run.Drain();
        Assert.Equal(new Inventory(5, 4, 0, 1), run.Stock.Inventory);
    }

    [Fact]
    public void A_reverted_attempt_is_refused_when_it_comes_back_and_a_new_attempt_buys_the_unit()
    {
        var run = new HoldLedgerRun(stock: 3, quantity: 3, limit: 1, duration: 100, Start);
        var hold = run.Ledger.Claim("a", Start, HoldFor).ReservationId!;
        Assert.True(run.Ledger.Revert(hold, "order:1", Start));
        Assert.Throws<LiveCommerceException>(() => run.Ledger.Confirm(hold, "a", "order:1", Start));
        Assert.True(run.Ledger.Confirm(hold, "a", "order:2", Start));
        Assert.False(run.Ledger.Confirm(hold, "a", "order:2", Start));
        run.Drain();
        Assert.Equal((2, 0, 1), (run.State.Offer!.Remaining, run.Ledger.Held, run.Ledger.Sold));
        Assert.Equal(new Inventory(3, 0, 2, 1), run.Stock.Inventory);
    }

    [Fact]
    public void Random_claims_releases_confirms_reverts_lapses_and_ends_agree_with_the_model()
    {
        var step = Gen.Frequency(
            (6, Gen.Int[0, 2].Select(v => new ModelStep("claim", v))),
            (2, Gen.Select(Gen.Int[0, 7], Gen.Int[0, 3]).Select((h, who) => new ModelStep("release", h, who))),
            (4, Gen.Select(Gen.Int[0, 7], Gen.Int[0, 2], Gen.Int[0, 4]).Select((h, a, who) => new ModelStep("confirm", h, a, who))),
            (2, Gen.Select(Gen.Int[0, 7], Gen.Int[0, 2]).Select((h, a) => new ModelStep("revert", h, a))),
            (3, Gen.Int[1, 40].Select(s => new ModelStep("advance", s))),
            (1, Gen.Const(new ModelStep("cancel"))),
            (1, Gen.Const(new ModelStep("abort"))),
            (1, Gen.Const(new ModelStep("reload"))));
        var gen = Gen.Select(Gen.Int[1, 5], Gen.Int[1, 3], Gen.Int[10, 120], step.Array[1, 40]);

        gen.Sample(
            (quantity, limit, duration, steps) => Check(quantity, limit, duration, steps),
            seed: ModelRuns.Seed,
            iter: ModelRuns.LedgerIterations,
            print: t => $"quantity {t.Item1}, limit {t.Item2}, duration {t.Item3} s{Environment.NewLine}{ModelStep.Print(t.Item4)}");
    }

    private static void Check(int quantity, int limit, int duration, ModelStep[] steps)
    {
        var run = new HoldLedgerRun(stock: quantity + 2, quantity, limit, duration, Start);
        var model = new OfferModel(quantity, limit, Start.AddSeconds(duration));
        var now = Start;
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var context = $"step {i} {step}: ";
            var hold = model.Holds.Count == 0 ? null : model.Holds[step.A % model.Holds.Count];
            var holdId = hold?.Id ?? "no-such-hold";
            switch (step.Op)
            {
                case "claim":
                    var viewer = "v" + step.A;
                    var (status, made) = model.Claim(viewer, now, HoldFor);
                    var decision = run.Ledger.Claim(viewer, now, HoldFor);
                    Assert.True(status == decision.Status, $"{context}claim {decision.Status}, model {status}");
                    if (made is not null)
                    {
                        made.Id = decision.ReservationId!;
                        Assert.Equal(made.ExpiresAt, decision.ExpiresAt);
                        Assert.True(decision.SoldOut == !model.Active, $"{context}soldOut {decision.SoldOut}");
                    }

                    break;
                case "release":
                    var releaser = step.B == 0 ? "v9" : hold?.Viewer ?? "v0";
                    Assert.True(model.Release(holdId, releaser) == run.Ledger.Release(holdId, releaser), $"{context}release disagrees");
                    break;
                case "confirm":
                    var buyer = step.C == 0 ? "v9" : hold?.Viewer ?? "v0";
                    var attempt = "attempt" + step.B;
                    var expected = model.Confirm(holdId, buyer, attempt, now);
                    bool? actual;
                    try
                    {
                        actual = run.Ledger.Confirm(holdId, buyer, attempt, now);
                    }
                    catch (LiveCommerceException refused) when (refused.Kind == ErrorKind.Conflict)
                    {
                        actual = null;
                    }

                    Assert.True(expected == actual, $"{context}confirm answered {actual?.ToString() ?? "refused"}, model {expected?.ToString() ?? "refused"}");
                    break;
                case "revert":
                    var undo = "attempt" + step.B;
                    Assert.True(model.Revert(holdId, undo, now) == run.Ledger.Revert(holdId, undo, now), $"{context}revert disagrees");
                    break;
                case "advance":
                    // What the grain does when anything is due: lapse the due holds, then end the offer when its time is up.
                    now = now.AddSeconds(step.A);
                    var lapsedModel = model.LapseDue(now).Select(h => h.Id).Order().ToList();
                    var lapsed = run.Ledger.LapseDue(now).Select(l => l.ReservationId).Order().ToList();
                    Assert.True(lapsedModel.SequenceEqual(lapsed), $"{context}lapsed [{string.Join(",", lapsed)}], model [{string.Join(",", lapsedModel)}]");
                    var ended = run.Ledger.IsActive && now >= run.State.Offer!.EndsAt && run.Ledger.End(OfferEndReason.Expired);
                    Assert.True(model.EndIfDue(now) == ended, $"{context}end by time disagrees");
                    break;
                case "cancel":
                    Assert.True(model.End("cancelled") == run.Ledger.End(OfferEndReason.Cancelled), $"{context}cancel disagrees");
                    break;
                case "abort":
                    Assert.True(model.Abort() == run.Ledger.Abort(), $"{context}abort disagrees");
                    break;
                default:
                    run.Reload();
                    break;
            }

            run.Drain();
            Compare(context, run, model);
        }
    }

    private static void Compare(string context, HoldLedgerRun run, OfferModel model)
    {
        var offer = run.State.Offer!;
        Assert.True(model.Active == run.Ledger.IsActive, $"{context}active {run.Ledger.IsActive}, model {model.Active}");
        Assert.True(model.Remaining == offer.Remaining, $"{context}remaining {offer.Remaining}, model {model.Remaining}");
        Assert.True(model.Held == run.Ledger.Held, $"{context}held {run.Ledger.Held}, model {model.Held}");
        Assert.True(model.Sold == run.Ledger.Sold, $"{context}sold {run.Ledger.Sold}, model {model.Sold}");
        foreach (var hold in model.Holds)
        {
            var stored = run.Ledger.Holds[hold.Id];
            Assert.True(stored.Status == hold.Status, $"{context}hold {hold.Id[..6]} is {stored.Status}, model {hold.Status}");
        }

        foreach (var viewer in model.Holds.Select(h => h.Viewer).Distinct())
        {
            var count = run.Ledger.Holds.Values.Count(h => h.ViewerId == viewer && h.Status is HoldStatus.Held or HoldStatus.Sold);
            Assert.True(model.Count(viewer) == count, $"{context}{viewer} has {count} units, model {model.Count(viewer)}");
        }

        // The outbox, applied to the product, moved exactly what the model says: the rest of the lent units came back.
        var expected = new Inventory(run.Received, run.Received - model.Quantity + model.Returned, model.InOffers, model.Sold);
        Assert.True(expected == run.Stock.Inventory, $"{context}product {run.Stock.Inventory}, model {expected}");

        // A timer set for NextDue never misses a lapse or the end.
        foreach (var hold in model.Holds.Where(h => h.Status == "held"))
        {
            Assert.True(run.Ledger.NextDue <= hold.ExpiresAt, $"{context}next due {run.Ledger.NextDue} is after a hold lapses at {hold.ExpiresAt}");
        }

        if (model.Active)
        {
            Assert.True(run.Ledger.NextDue <= model.EndsAt, $"{context}next due {run.Ledger.NextDue} is after the end {model.EndsAt}");
        }

        Assert.True(run.Ledger.IsSettled == (!model.Active && model.Held == 0), $"{context}settled {run.Ledger.IsSettled}");
    }
}
