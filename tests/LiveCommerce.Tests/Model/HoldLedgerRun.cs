using LiveCommerce.Abstractions.Products.Stock;
using LiveCommerce.Contracts.Offers;
using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Grains.Offers;
using LiveCommerce.Grains.Products;

namespace LiveCommerce.Tests.Model;

/// <summary>
/// An offer's state and ledger over a product's state and ledger, lent its units as a started offer is. Its holds
/// are sealed into pages of <see cref="PageSize"/> as the grain does, kept here in memory, and a reload rebuilds
/// the ledger from the pages and the head.
/// </summary>
public sealed class HoldLedgerRun
{
    /// <summary>The offer's id.</summary>
    public const string OfferId = "offer";

    /// <summary>Holds in the head before they are sealed: small, so that runs page and compact often.</summary>
    public const int PageSize = 2;

    private readonly Dictionary<string, HoldPage> _pages = new(StringComparer.Ordinal);

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
        Ledger = new HoldLedger(State, OfferId, [], PageSize);
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

    /// <summary>Builds the ledger again from the head and its chain of pages, as a new activation does.</summary>
    public void Reload()
    {
        var chain = new List<HoldPage>();
        for (var key = State.LastPage; key is not null; key = chain[^1].Previous)
        {
            chain.Add(_pages[key]);
        }

        Assert.Equal(State.PageCount, chain.Count);
        chain.Reverse();
        Ledger = new HoldLedger(State, OfferId, chain, PageSize);
    }

    /// <summary>Seals the head's holds into a page when it is due, then applies the outbox in order: each operation is new work, so each must change the product.</summary>
    public void Drain()
    {
        if (Ledger.Log.NeedsSeal)
        {
            var seal = Ledger.Log.BeginSeal(Ledger.Holds);
            foreach (var (key, page) in seal.Pages)
            {
                _pages.Add(key, page);
            }

            Ledger.Log.Commit(seal);
        }

        foreach (var operation in State.Outbox)
        {
            Assert.True(Stock.Apply(operation), $"the product ignored {operation} as a repeat");
        }

        State.Outbox.Clear();
    }
}
