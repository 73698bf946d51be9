using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Grains.Offers;
using LiveCommerce.Grains.Products;

namespace LiveCommerce.Tests.Model;

/// <summary>An offer's state and ledger over a product's state and ledger, lent its units as a started offer is.</summary>
public sealed class HoldLedgerRun
{
    /// <summary>The offer's id.</summary>
    public const string OfferId = "offer";

    /// <summary>A product of <paramref name="stock"/> units lending <paramref name="quantity"/> to an active offer ending <paramref name="duration"/> s after <paramref name="start"/>.</summary>
    public HoldLedgerRun(int stock, int quantity, int limit, int duration, DateTimeOffset start)
    {
        Received = stock;
        var product = new ProductState
        {
            Product = new Product { Id = "p", SellerId = "s", Sku = "SKU", Name = "Batik", Price = new Money(10_000, "IDR"), Stock = stock, SellerKind = SellerKinds.LocalSme },
            Received = stock,
        };
        Stock = new StockLedger(product);
        State.Offer = new Offer
        {
            Id = OfferId,
            StreamId = "stream",
            ProductId = "p",
            Name = "Batik",
            Price = new Money(5_000, "IDR"),
            OriginalPrice = new Money(10_000, "IDR"),
            Quantity = quantity,
            Remaining = quantity,
            PerViewerLimit = limit,
            EndsAt = start.AddSeconds(duration),
            Status = OfferStatus.Active,
        };
        State.Phase = OfferPhase.Active;
        Ledger = new HoldLedger(State, OfferId);
        Assert.True(Stock.Apply(new LendUnits(Ledger.LendId, quantity)));
    }

    /// <summary>Units the product was given.</summary>
    public int Received { get; }

    /// <summary>The offer's stored state.</summary>
    public FlashOfferState State { get; } = new();

    /// <summary>The rules over it.</summary>
    public HoldLedger Ledger { get; private set; }

    /// <summary>The product's rules.</summary>
    public StockLedger Stock { get; }

    /// <summary>Builds the ledger again from the state, as a new activation does.</summary>
    public void Reload() => Ledger = new HoldLedger(State, OfferId);

    /// <summary>Applies the outbox in order: each operation is new work, so each must change the product.</summary>
    public void Drain()
    {
        foreach (var operation in State.Outbox)
        {
            Assert.True(Stock.Apply(operation), $"the product ignored {operation} as a repeat");
        }

        State.Outbox.Clear();
    }
}
