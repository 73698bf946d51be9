using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Grains.Products;

namespace LiveCommerce.Tests.Rules;

/// <summary>The product's stock rules, without a cluster.</summary>
public sealed class StockLedgerTests
{
    private static ProductState NewProduct(int stock) => new()
    {
        Product = new Product { Id = "p", SellerId = "s", Sku = "sku", Name = "Kain", Price = new Money(1_000, "IDR"), Stock = stock, SellerKind = SellerKinds.LocalSme },
        Received = stock,
    };

    [Fact]
    public void An_operation_is_never_forgotten_however_many_come_after_it()
    {
        var state = NewProduct(100_000);
        var ledger = new StockLedger(state);
        Assert.True(ledger.Apply(new LendUnits("offer-1:lend", 10)));
        for (var i = 0; i < 30_000; i++)
        {
            ledger.Apply(new SellUnits("order-" + i, 1));
        }

        Assert.False(ledger.Apply(new LendUnits("offer-1:lend", 10)));
        Assert.False(ledger.Apply(new SellUnits("order-0", 1)));
        Assert.Equal(new Inventory(100_000, 100_000 - 10 - 30_000, 10, 30_000), ledger.Inventory);
    }

    [Fact]
    public void An_undo_reverses_once_and_an_undo_of_what_never_arrived_makes_its_late_copy_a_no_op()
    {
        var state = NewProduct(5);
        var ledger = new StockLedger(state);
        ledger.Apply(new SellUnits("o:1:0", 5));
        Assert.True(ledger.Apply(new UndoOperation("o:1:0:undo", "o:1:0")));
        Assert.False(ledger.Apply(new UndoOperation("o:1:0:undo", "o:1:0")));
        Assert.Throws<LiveCommerceException>(() => ledger.Apply(new SellUnits("o:1:0", 5)));
        Assert.Equal(new Inventory(5, 5, 0, 0), ledger.Inventory);

        // A cancelled attempt never blocks the next one, which has its own name.
        Assert.True(ledger.Apply(new UndoOperation("o:2:0:undo", "o:2:0")));
        Assert.Throws<LiveCommerceException>(() => ledger.Apply(new SellUnits("o:2:0", 5)));
        Assert.True(ledger.Apply(new SellUnits("o:3:0", 5)));
        Assert.Equal(new Inventory(5, 0, 0, 5), ledger.Inventory);
    }

    [Fact]
    public void A_refused_operation_changes_nothing()
    {
        var state = NewProduct(2);
        var ledger = new StockLedger(state);
        Assert.Equal(ErrorKind.Conflict, Assert.Throws<LiveCommerceException>(() => ledger.Apply(new SellUnits("o", 3))).Kind);
        Assert.Equal(ErrorKind.Conflict, Assert.Throws<LiveCommerceException>(() => ledger.Apply(new ReturnUnits("r", 1))).Kind);
        Assert.Equal(ErrorKind.Invalid, Assert.Throws<LiveCommerceException>(() => ledger.Apply(new LendUnits("l", 0))).Kind);
        Assert.Equal(new Inventory(2, 2, 0, 0), ledger.Inventory);
        Assert.Empty(state.Operations);
        Assert.True(ledger.Apply(new SellUnits("o", 2)));
    }
}
