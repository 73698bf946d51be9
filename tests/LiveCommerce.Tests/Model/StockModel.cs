namespace LiveCommerce.Tests.Model;

/// <summary>
/// The reference for one product's units, written from the contract rather than from the code: every unit is in
/// stock, lent to offers or sold; an operation id counts once; an undo reverses what it names, or, when that never
/// arrived, makes its late copy count for nothing (a copy of undone or cancelled work is refused, so it can never
/// pass for work done). Answers are true (changed), false (a repeat: nothing changed) or null (refused: nothing
/// changed).
/// </summary>
public sealed class StockModel(int received)
{
    private readonly Dictionary<string, (string Kind, int Quantity, string Fate)> _seen = new(StringComparer.Ordinal);

    /// <summary>Units the product was given.</summary>
    public int Received { get; } = received;

    /// <summary>Units on sale.</summary>
    public int Stock { get; private set; } = received;

    /// <summary>Units lent to offers.</summary>
    public int InOffers { get; private set; }

    /// <summary>Units sold.</summary>
    public int Sold { get; private set; }

    /// <summary>Applies an operation of <paramref name="kind"/> (lend, return, offer-sale, sale).</summary>
    public bool? Apply(string id, string kind, int quantity)
    {
        if (_seen.TryGetValue(id, out var seen))
        {
            return seen.Fate == "applied" ? false : null;
        }

        var (stock, inOffers, sold) = kind switch
        {
            "lend" => (-quantity, quantity, 0),
            "return" => (quantity, -quantity, 0),
            "offer-sale" => (0, -quantity, quantity),
            "sale" => (-quantity, 0, quantity),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (!Move(stock, inOffers, sold))
        {
            return null;
        }

        _seen[id] = (kind, quantity, "applied");
        return true;
    }

    /// <summary>Undoes <paramref name="targetId"/>; a return cannot be undone (refused).</summary>
    public bool? Undo(string targetId)
    {
        if (!_seen.TryGetValue(targetId, out var target))
        {
            _seen[targetId] = ("none", 0, "cancelled");
            return true;
        }

        if (target.Fate != "applied")
        {
            return false;
        }

        var q = target.Quantity;
        var moved = target.Kind switch
        {
            "lend" => Move(q, -q, 0),
            "offer-sale" => Move(0, q, -q),
            "sale" => Move(q, 0, -q),
            _ => false,
        };
        if (!moved)
        {
            return null;
        }

        _seen[targetId] = target with { Fate = "undone" };
        return true;
    }

    private bool Move(int stock, int inOffers, int sold)
    {
        if (Stock + stock < 0 || InOffers + inOffers < 0 || Sold + sold < 0)
        {
            return false;
        }

        Stock += stock;
        InOffers += inOffers;
        Sold += sold;
        return true;
    }
}
