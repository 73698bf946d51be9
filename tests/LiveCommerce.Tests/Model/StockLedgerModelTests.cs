using CsCheck;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Grains.Products;

namespace LiveCommerce.Tests.Model;

/// <summary><see cref="StockLedger"/> on its own (no cluster), against <see cref="StockModel"/>.</summary>
public sealed class StockLedgerModelTests
{
    private static readonly string[] Kinds = ["lend", "return", "offer-sale", "sale"];

    [Fact]
    public void A_lend_moves_stock_to_offers_once_and_its_duplicate_changes_nothing()
    {
        var state = NewState(5);
        var ledger = new StockLedger(state);
        Assert.True(ledger.Apply(new LendUnits("o:lend", 3)));
        Assert.False(ledger.Apply(new LendUnits("o:lend", 3)));
        Assert.Equal(new Inventory(5, 2, 3, 0), ledger.Inventory);
    }

    [Fact]
    public void A_sale_short_of_stock_is_refused_and_changes_nothing()
    {
        var state = NewState(2);
        var ledger = new StockLedger(state);
        var refused = Assert.Throws<LiveCommerceException>(() => ledger.Apply(new SellUnits("order:1:0", 3)));
        Assert.Equal(ErrorKind.Conflict, refused.Kind);
        Assert.Equal(new Inventory(2, 2, 0, 0), ledger.Inventory);
        Assert.True(ledger.Apply(new SellUnits("order:1:0", 2)));
        Assert.Equal(new Inventory(2, 0, 0, 2), ledger.Inventory);
    }

    [Fact]
    public void An_undo_of_an_operation_that_never_arrived_makes_its_late_copy_a_refused_no_op()
    {
        var state = NewState(4);
        var ledger = new StockLedger(state);
        Assert.True(ledger.Apply(new UndoOperation("order:1:0:undo", "order:1:0")));
        Assert.Throws<LiveCommerceException>(() => ledger.Apply(new SellUnits("order:1:0", 1)));
        Assert.False(ledger.Apply(new UndoOperation("order:1:0:undo", "order:1:0")));
        Assert.Equal(new Inventory(4, 4, 0, 0), ledger.Inventory);
        Assert.True(ledger.Apply(new SellUnits("order:2:0", 1)));
        Assert.Equal(new Inventory(4, 3, 0, 1), ledger.Inventory);
    }

    [Fact]
    public void An_undo_reverses_a_sale_once()
    {
        var state = NewState(3);
        var ledger = new StockLedger(state);
        Assert.True(ledger.Apply(new LendUnits("o:lend", 2)));
        Assert.True(ledger.Apply(new SellOfferUnits("o:sale:r:a", 1)));
        Assert.True(ledger.Apply(new UndoOperation("o:sale:r:a:undo", "o:sale:r:a")));
        Assert.False(ledger.Apply(new UndoOperation("o:sale:r:a:undo", "o:sale:r:a")));
        Assert.Throws<LiveCommerceException>(() => ledger.Apply(new SellOfferUnits("o:sale:r:a", 1)));
        Assert.Equal(new Inventory(3, 1, 2, 0), ledger.Inventory);
    }

    [Fact]
    public void Random_operations_duplicates_undos_and_late_copies_agree_with_the_model()
    {
        var table = Gen.Select(Gen.Int[0, Kinds.Length - 1], Gen.Int[1, 3]).Array[6];
        var steps = Gen.Frequency(
            (5, Gen.Int[0, 5].Select(slot => new ModelStep("apply", slot))),
            (2, Gen.Int[0, 5].Select(slot => new ModelStep("undo", slot)))).Array[1, 40];
        var gen = Gen.Select(Gen.Int[0, 8], table, steps);

        gen.Sample(
            (stock, operations, sequence) => Run(stock, operations, sequence),
            seed: ModelRuns.Seed,
            iter: ModelRuns.LedgerIterations,
            print: t => $"stock {t.Item1}; operations {string.Join(", ", t.Item2.Select((o, i) => $"op{i}={Kinds[o.Item1]} {o.Item2}"))}{Environment.NewLine}{ModelStep.Print(t.Item3)}");
    }

    private static void Run(int stock, (int Kind, int Quantity)[] operations, ModelStep[] sequence)
    {
        var state = NewState(stock);
        var ledger = new StockLedger(state);
        var model = new StockModel(stock);
        for (var i = 0; i < sequence.Length; i++)
        {
            var step = sequence[i];
            var id = "op" + step.A;
            var (kind, quantity) = operations[step.A];
            var before = ledger.Inventory;
            bool? expected = step.Op == "apply" ? model.Apply(id, Kinds[kind], quantity) : model.Undo(id);
            bool? actual;
            try
            {
                actual = ledger.Apply(step.Op == "apply" ? Operation(id, Kinds[kind], quantity) : new UndoOperation(id + ":undo", id));
            }
            catch (LiveCommerceException refused) when (refused.Kind == ErrorKind.Conflict)
            {
                actual = null;
            }

            var after = ledger.Inventory;
            var context = $"step {i} {step} ({Kinds[kind]} {quantity}): ";
            Assert.True(expected == actual, $"{context}the ledger answered {Show(actual)}, the model {Show(expected)}");
            Assert.True(new Inventory(model.Received, model.Stock, model.InOffers, model.Sold) == after, $"{context}ledger {after}, model {model.Stock}/{model.InOffers}/{model.Sold}");
            Assert.True(after.Stock + after.InOffers + after.Sold == after.Received, $"{context}units do not add up: {after}");
            Assert.True(after is { Stock: >= 0, InOffers: >= 0, Sold: >= 0 }, $"{context}negative units: {after}");
            if (actual != true)
            {
                Assert.True(before == after, $"{context}a repeat or a refusal changed {before} into {after}");
            }
        }
    }

    private static string Show(bool? answer) => answer switch { true => "changed", false => "repeat", null => "refused" };

    private static StockOperation Operation(string id, string kind, int quantity) => kind switch
    {
        "lend" => new LendUnits(id, quantity),
        "return" => new ReturnUnits(id, quantity),
        "offer-sale" => new SellOfferUnits(id, quantity),
        _ => new SellUnits(id, quantity),
    };

    private static ProductState NewState(int stock) => new()
    {
        Product = new Product
        {
            Id = "p",
            SellerId = "seller",
            Sku = "SKU-1",
            Name = "Batik",
            Price = new Money(10_000, "IDR"),
            Stock = stock,
            SellerKind = SellerKinds.LocalSme,
        },
        Received = stock,
    };
}
