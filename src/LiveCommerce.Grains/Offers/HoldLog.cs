namespace LiveCommerce.Grains.Offers;

/// <summary>
/// How an offer's holds are stored so that a group write costs the same however many holds there are, with no
/// cluster needed. Every change of a hold puts its latest version in the head's <see cref="FlashOfferState.Recent"/>;
/// once that has <see cref="PageSize"/> holds, they are sealed, copied, into a write-once <see cref="HoldPage"/>
/// under a new key that names the page before it, and a later head write names the new page and drops the holds
/// it has (those changed again since stay). When the pages hold more superseded versions than there are holds, the
/// next seal compacts instead: every hold, in a new chain. Sealing is O(1) per change amortised, and
/// <see cref="Replay"/> of the chain and the head gives back every hold in its latest version.
/// </summary>
/// <remarks>
/// The head is the only thing that commits: a page is part of the offer once a stored head names it, so a page
/// stored by a seal whose head write failed, or by an activation that lost its head to another, is never read.
/// </remarks>
public sealed class HoldLog
{
    /// <summary>Holds in the head before they are sealed into a page. Default 128.</summary>
    public const int DefaultPageSize = 128;

    private readonly FlashOfferState _state;
    private readonly Dictionary<string, long> _changedAt = new(StringComparer.Ordinal);
    private readonly Func<string> _newKey;
    private long _sequence;
    private HoldSeal? _sealing;

    /// <summary>The log over <paramref name="state"/>; <paramref name="newKey"/> makes page keys (by default random, never reused).</summary>
    public HoldLog(FlashOfferState state, int pageSize = DefaultPageSize, Func<string>? newKey = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _state = state;
        PageSize = pageSize;
        _newKey = newKey ?? (() => Guid.NewGuid().ToString("N"));
        foreach (var reservationId in state.Recent.Keys)
        {
            _changedAt[reservationId] = 0;
        }
    }

    /// <summary>Holds in the head before they are sealed.</summary>
    public int PageSize { get; }

    /// <summary>Whether a seal is due and none is in progress.</summary>
    public bool NeedsSeal => _sealing is null && _state.Recent.Count >= PageSize;

    /// <summary>Whether a seal is in progress.</summary>
    public bool Sealing => _sealing is not null;

    /// <summary>Every hold: the pages (oldest first, later versions win), then the head's recent holds over them.</summary>
    public static Dictionary<string, Hold> Replay(IEnumerable<HoldPage> pagesOldestFirst, FlashOfferState state)
    {
        var holds = new Dictionary<string, Hold>(StringComparer.Ordinal);
        foreach (var page in pagesOldestFirst)
        {
            foreach (var (reservationId, hold) in page.Holds)
            {
                holds[reservationId] = Copy(hold);
            }
        }

        foreach (var (reservationId, hold) in state.Recent)
        {
            holds[reservationId] = hold;
        }

        return holds;
    }

    /// <summary>A copy of <paramref name="hold"/> that later changes of it do not reach.</summary>
    public static Hold Copy(Hold hold) => hold with { Cancelled = hold.Cancelled is null ? null : [.. hold.Cancelled] };

    /// <summary>Records that <paramref name="hold"/> was made or changed: the next head write carries it.</summary>
    public void Changed(string reservationId, Hold hold)
    {
        _state.Recent[reservationId] = hold;
        _changedAt[reservationId] = ++_sequence;
    }

    /// <summary>
    /// Plans the next seal (<see cref="NeedsSeal"/> must be true): the recent holds, copied, as one page after the
    /// last; or, when the pages hold more superseded versions than there are holds, a compaction: every hold of
    /// <paramref name="all"/>, copied, as a new chain. Nothing changes until <see cref="Commit"/>.
    /// </summary>
    public HoldSeal BeginSeal(IReadOnlyDictionary<string, Hold> all)
    {
        if (!NeedsSeal)
        {
            throw new InvalidOperationException(_sealing is null ? "There is nothing to seal yet." : "A seal is already in progress.");
        }

        if (_state.PagedEntries + _state.Recent.Count > (2 * all.Count) + PageSize)
        {
            var pages = new List<KeyValuePair<string, HoldPage>>();
            string? previous = null;
            foreach (var chunk in all.Chunk(PageSize))
            {
                var key = _newKey();
                pages.Add(new(key, new HoldPage { Previous = previous, Holds = CopyAll(chunk) }));
                previous = key;
            }

            _sealing = new HoldSeal(pages, _sequence, Compaction: true, pages.Count, all.Count);
        }
        else
        {
            var page = new HoldPage { Previous = _state.LastPage, Holds = CopyAll(_state.Recent) };
            _sealing = new HoldSeal([new(_newKey(), page)], _sequence, Compaction: false, _state.PageCount + 1, _state.PagedEntries + page.Holds.Count);
        }

        return _sealing;
    }

    /// <summary>
    /// Once every page of <paramref name="seal"/> is stored: the head names the new chain and drops the recent
    /// holds the pages have (those changed since stay). The next head write commits it.
    /// </summary>
    public void Commit(HoldSeal seal)
    {
        if (!ReferenceEquals(seal, _sealing))
        {
            throw new InvalidOperationException("That seal is not the one in progress.");
        }

        _sealing = null;
        _state.LastPage = seal.Last;
        _state.PageCount = seal.PageCount;
        _state.PagedEntries = seal.PagedEntries;
        foreach (var (reservationId, at) in _changedAt.ToList())
        {
            if (at <= seal.Sequence)
            {
                _changedAt.Remove(reservationId);
                _state.Recent.Remove(reservationId);
            }
        }
    }

    /// <summary>Gives up <paramref name="seal"/> (a page could not be stored): the holds stay in the head, and a later seal tries again.</summary>
    public void Abandon(HoldSeal seal)
    {
        if (ReferenceEquals(seal, _sealing))
        {
            _sealing = null;
        }
    }

    private static Dictionary<string, Hold> CopyAll(IEnumerable<KeyValuePair<string, Hold>> holds)
    {
        var copies = new Dictionary<string, Hold>(StringComparer.Ordinal);
        foreach (var (reservationId, hold) in holds)
        {
            copies[reservationId] = Copy(hold);
        }

        return copies;
    }
}
