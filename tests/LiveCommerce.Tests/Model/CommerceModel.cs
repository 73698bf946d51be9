using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Tests.Model;

/// <summary>
/// The reference for a small shop: products, streams, offers (<see cref="OfferModel"/>), carts and confirmed
/// orders, with the rules of the contract and docs/offers.md. Holds lapse and offers end as soon as the time is
/// up (the test makes the engine process what is due after every advance of the clock).
/// </summary>
public sealed class CommerceModel(IReadOnlyList<string> viewers, DateTimeOffset now)
{
    /// <summary>The most units of a product in a regular cart line.</summary>
    public const int MaxCartQuantity = 99;

    /// <summary>Viewer ids by index.</summary>
    public IReadOnlyList<string> Viewers { get; } = viewers;

    /// <summary>The time now.</summary>
    public DateTimeOffset Now { get; private set; } = now;

    /// <summary>Products, by index.</summary>
    public List<ModelProduct> Products { get; } = [];

    /// <summary>Streams, by index.</summary>
    public List<ModelStream> Streams { get; } = [];

    /// <summary>Offers that started, by index.</summary>
    public List<ModelOffer> Offers { get; } = [];

    /// <summary>Each viewer's cart lines, in cart order.</summary>
    public List<ModelLine>[] Carts { get; } = [.. viewers.Select(_ => new List<ModelLine>())];

    /// <summary>Each viewer's idempotency keys, in the order first used.</summary>
    public List<string>[] Keys { get; } = [.. viewers.Select(_ => new List<string>())];

    /// <summary>Confirmed orders by buyer and key: the lines they bought.</summary>
    public Dictionary<(int Viewer, string Key), List<ModelLine>> Orders { get; } = [];

    /// <summary>Where the units of product <paramref name="p"/> should be.</summary>
    public Inventory InventoryOf(int p)
    {
        var product = Products[p];
        var offers = Offers.Where(o => o.Product == p).Select(o => o.Units).ToList();
        var inOffers = offers.Sum(o => o.InOffers);
        var offerSold = offers.Sum(o => o.Sold);
        return new Inventory(product.Created, product.Created - product.RegularSold - inOffers - offerSold, inOffers, product.RegularSold + offerSold);
    }

    /// <summary>Whether an offer of <paramref name="quantity"/> units on product <paramref name="p"/> may start in stream <paramref name="s"/>.</summary>
    public bool CanStartOffer(int s, int p, int quantity) =>
        Streams[s].Status == "live" && Streams[s].Products.Contains(p) && quantity <= InventoryOf(p).Stock;

    /// <summary>Ends the stream and cancels its running offers.</summary>
    public void EndStream(int s)
    {
        Streams[s].Status = "ended";
        foreach (var offer in Offers.Where(o => o.Stream == s))
        {
            offer.Units.End("cancelled");
        }
    }

    /// <summary>A claim by viewer <paramref name="v"/>; a reserved unit is put in the viewer's cart once the engine names it.</summary>
    public (string Status, ModelHold? Hold) Claim(int v, int k, TimeSpan holdFor) => Offers[k].Units.Claim(Viewers[v], Now, holdFor);

    /// <summary>Adds the cart line of a hold the engine reserved.</summary>
    public void AddHoldLine(int v, int k, ModelHold hold) =>
        Carts[v].Add(new ModelLine(Offers[k].Product, k, 1, Offers[k].Price, hold.Id, hold.ExpiresAt));

    /// <summary><c>ReleaseHold</c>: the line leaves the cart and its unit goes back at once; false when the cart has no such line.</summary>
    public bool ReleaseHold(int v, string reservationId)
    {
        var line = Carts[v].Find(l => l.ReservationId == reservationId);
        if (line is null)
        {
            return false;
        }

        Carts[v].Remove(line);
        if (!Offers[line.Offer!.Value].Units.Release(reservationId, Viewers[v]))
        {
            throw new InvalidOperationException($"The model's cart had a line of hold {reservationId} that the model's offer does not hold.");
        }

        return true;
    }

    /// <summary><c>AddToCart</c>: true when accepted, false when refused.</summary>
    public bool AddItem(int v, int p, int quantity)
    {
        var cart = Carts[v];
        var index = cart.FindIndex(l => l.Offer is null && l.Product == p);
        var total = quantity + (index >= 0 ? cart[index].Quantity : 0);
        if (total > MaxCartQuantity || total > InventoryOf(p).Stock)
        {
            return false;
        }

        var line = new ModelLine(p, null, total, Products[p].Price, null, null);
        if (index >= 0)
        {
            cart[index] = line;
        }
        else
        {
            cart.Add(line);
        }

        return true;
    }

    /// <summary><c>SetCartQuantity</c>: true when accepted (0 removes the line; 0 of a product not in the cart changes nothing), false when refused.</summary>
    public bool SetQuantity(int v, int p, int quantity)
    {
        var cart = Carts[v];
        var index = cart.FindIndex(l => l.Offer is null && l.Product == p);
        if (index < 0)
        {
            return quantity == 0;
        }

        if (quantity == 0)
        {
            cart.RemoveAt(index);
            return true;
        }

        if (quantity > InventoryOf(p).Stock)
        {
            return false;
        }

        cart[index] = cart[index] with { Quantity = quantity };
        return true;
    }

    /// <summary>
    /// <c>Checkout</c> with <paramref name="key"/>: the lines of the order it answers, or null when it is refused (then
    /// nothing changes and the key may be used again). A key that confirmed an order answers that order again.
    /// </summary>
    public List<ModelLine>? Checkout(int v, string key)
    {
        if (!Keys[v].Contains(key))
        {
            Keys[v].Add(key);
        }

        if (Orders.TryGetValue((v, key), out var known))
        {
            return known;
        }

        var lines = Carts[v].ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        foreach (var line in lines)
        {
            var ok = line.Offer is null
                ? line.Quantity <= InventoryOf(line.Product).Stock
                : Offers[line.Offer.Value].Units.Find(line.ReservationId!) is { Status: "held" } hold && hold.ExpiresAt > Now;
            if (!ok)
            {
                return null;
            }
        }

        foreach (var line in lines)
        {
            if (line.Offer is null)
            {
                Products[line.Product].RegularSold += line.Quantity;
            }
            else if (Offers[line.Offer.Value].Units.Confirm(line.ReservationId!, Viewers[v], key, Now) != true)
            {
                throw new InvalidOperationException("The model could not confirm a hold it found held.");
            }
        }

        Orders[(v, key)] = lines;
        Carts[v].Clear();
        return lines;
    }

    /// <summary>Moves the clock on: due holds lapse (and leave carts), offers whose time is up end.</summary>
    public void Advance(TimeSpan by)
    {
        Now += by;
        foreach (var offer in Offers)
        {
            offer.Units.LapseDue(Now);
            offer.Units.EndIfDue(Now);
        }

        foreach (var cart in Carts)
        {
            cart.RemoveAll(l => l.ExpiresAt <= Now);
        }
    }
}
