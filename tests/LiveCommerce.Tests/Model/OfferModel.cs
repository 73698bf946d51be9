namespace LiveCommerce.Tests.Model;

/// <summary>
/// The reference for one flash offer, from docs/offers.md and the contract: a claim holds a unit for a while; a
/// held unit is bought, released or lapses; a unit given back returns to the offer while it runs and to stock
/// after it ended; the offer ends sold out when the last unit is held; a checkout attempt taken back makes the
/// unit held again, and a late copy of that attempt is refused. It keeps no counters: every figure is counted
/// from the holds.
/// </summary>
public sealed class OfferModel(int quantity, int perViewerLimit, DateTimeOffset endsAt)
{
    /// <summary>Units lent by the product at the start.</summary>
    public int Quantity { get; } = quantity;

    /// <summary>Units one viewer may hold or buy.</summary>
    public int PerViewerLimit { get; } = perViewerLimit;

    /// <summary>When it ends by time.</summary>
    public DateTimeOffset EndsAt { get; } = endsAt;

    /// <summary>active, ended or aborted.</summary>
    public string Phase { get; private set; } = "active";

    /// <summary>soldOut, expired or cancelled, once ended.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Units left to claim (0 once it is not active).</summary>
    public int Remaining { get; private set; } = quantity;

    /// <summary>Every hold, in claim order.</summary>
    public List<ModelHold> Holds { get; } = [];

    /// <summary>Whether viewers can claim.</summary>
    public bool Active => Phase == "active";

    /// <summary>Units held, not bought.</summary>
    public int Held => Holds.Count(h => h.Status == "held");

    /// <summary>Units bought.</summary>
    public int Sold => Holds.Count(h => h.Status == "sold");

    /// <summary>Units the product should count as lent to this offer.</summary>
    public int InOffers => (Active ? Remaining : 0) + Held;

    /// <summary>Units the offer gave back to the product's stock.</summary>
    public int Returned => Quantity - InOffers - Sold;

    /// <summary>Units <paramref name="viewer"/> holds or bought.</summary>
    public int Count(string viewer) => Holds.Count(h => h.Viewer == viewer && h.Open);

    /// <summary>The hold with that id, if any.</summary>
    public ModelHold? Find(string id) => Holds.Find(h => h.Id == id);

    /// <summary>Decides a claim; a reserved claim adds a hold whose id the caller sets to the engine's.</summary>
    public (string Status, ModelHold? Hold) Claim(string viewer, DateTimeOffset now, TimeSpan holdFor)
    {
        if (Count(viewer) >= PerViewerLimit)
        {
            return ("limitReached", null);
        }

        if (!Active || Remaining == 0)
        {
            return (EndReason == "soldOut" ? "soldOut" : "ended", null);
        }

        var hold = new ModelHold { Id = "pending", Viewer = viewer, ExpiresAt = now + holdFor };
        Holds.Add(hold);
        Remaining--;
        if (Remaining == 0)
        {
            End("soldOut");
        }

        return ("reserved", hold);
    }

    /// <summary>Lapses every unbought hold whose time is up; answers them.</summary>
    public List<ModelHold> LapseDue(DateTimeOffset now)
    {
        var due = Holds.Where(h => h.Status == "held" && h.ExpiresAt <= now).ToList();
        due.ForEach(h => Free(h, "lapsed"));
        return due;
    }

    /// <summary>Ends the offer by time when it is due (the grain does this whenever it processes what is due).</summary>
    public bool EndIfDue(DateTimeOffset now) => Active && now >= EndsAt && End("expired");

    /// <summary>Gives a held unit back at once.</summary>
    public bool Release(string id, string viewer)
    {
        if (Find(id) is not { Status: "held" } hold || hold.Viewer != viewer)
        {
            return false;
        }

        Free(hold, "released");
        return true;
    }

    /// <summary>Sells a held unit for a checkout attempt: true, false for a repeat of that attempt, null when refused.</summary>
    public bool? Confirm(string id, string buyer, string attempt, DateTimeOffset now)
    {
        if (Find(id) is not { } hold || hold.Viewer != buyer)
        {
            return null;
        }

        if (hold.Status == "sold" && hold.SaleOperation == attempt)
        {
            return false;
        }

        if (hold.Cancelled.Contains(attempt) || hold.Status != "held" || hold.ExpiresAt <= now)
        {
            return null;
        }

        hold.Status = "sold";
        hold.SaleOperation = attempt;
        return true;
    }

    /// <summary>Takes back an attempt's sale (or cancels the attempt ahead of it); false when already done.</summary>
    public bool Revert(string id, string attempt, DateTimeOffset now)
    {
        if (Find(id) is not { } hold || !hold.Cancelled.Add(attempt))
        {
            return false;
        }

        if (hold.Status == "sold" && hold.SaleOperation == attempt)
        {
            hold.Status = "held";
            hold.SaleOperation = null;
            if (hold.ExpiresAt <= now)
            {
                Free(hold, "lapsed");
            }
        }

        return true;
    }

    /// <summary>Ends an active offer; what is left goes back to stock.</summary>
    public bool End(string reason)
    {
        if (!Active)
        {
            return false;
        }

        Phase = "ended";
        EndReason = reason;
        Remaining = 0;
        return true;
    }

    /// <summary>Aborts an offer nobody claimed from: every unit goes back.</summary>
    public bool Abort()
    {
        if (Phase == "aborted")
        {
            return true;
        }

        if (!Active || Holds.Count > 0)
        {
            return false;
        }

        Phase = "aborted";
        Remaining = 0;
        return true;
    }

    private void Free(ModelHold hold, string status)
    {
        hold.Status = status;
        if (Active)
        {
            Remaining++;
        }
    }
}
