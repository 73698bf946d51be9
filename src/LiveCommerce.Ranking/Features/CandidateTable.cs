using LiveCommerce.Contracts.Products;

namespace LiveCommerce.Ranking.Features;

/// <summary>
/// What a ranker keeps about one stream snapshot between calls: the stream summary, every candidate's
/// viewer-independent features (<see cref="CandidateFeaturizer.Featurize(RankingCandidate, in StreamSummary, ViewerAffinities?, Span{double})"/>
/// without a viewer, column by column) and seller kind, and the distinct category, seller and product ids the viewer's
/// affinities are looked up by (found the first time a viewer has affinities of that kind). The engine ranks the same snapshot array for every viewer who joins a stream, so the
/// logarithms and string hashing of a candidate are paid once per snapshot, not once per viewer.
/// <para>
/// The features are laid out by column (<c>Columns[f * Stride + i]</c> is feature f of candidate i), <see cref="Stride"/>
/// rounded up to whole vectors, so a score kernel can take several candidates at a time. The affinity columns are
/// filled per call by <see cref="ResolveAffinities"/>. Candidates are immutable records, so a snapshot is the same
/// when it holds the same candidate objects in the same order (<see cref="Holds"/>). Reuses its buffers; not thread-safe.
/// </para>
/// </summary>
internal sealed class CandidateTable
{
    /// <summary>Candidates per step of the score kernel, the multiple the columns are padded to.</summary>
    public const int Padding = Bandit.LinUcbBatch.Lanes;

    private readonly double[] _features = new double[FeatureLayout.Dimension];
    private readonly bool[] _zeroColumn = new bool[FeatureLayout.Dimension];
    private readonly KeySlots _categories = new(static c => c.CategoryId);
    private readonly KeySlots _sellers = new(static c => c.SellerId);
    private readonly KeySlots _products = new(static c => c.ProductId);
    private RankingCandidate[] _items = [];

    /// <summary>Number of candidates.</summary>
    public int Count { get; private set; }

    /// <summary>Distance between two feature columns in <see cref="Columns"/>: <see cref="Count"/> rounded up to <see cref="Padding"/>.</summary>
    public int Stride { get; private set; }

    /// <summary>The features by column; the padding entries after <see cref="Count"/> in each column are meaningless.</summary>
    public double[] Columns { get; private set; } = [];

    /// <summary>Seller kind by candidate index.</summary>
    public SellerKind[] Kinds { get; private set; } = [];

    /// <summary>By candidate index, whether it may be suggested as the next pin: not pinned now and not sold out.</summary>
    public bool[] Suggestible { get; private set; } = [];

    /// <summary>The stream summary of the snapshot (<see cref="StreamSummary.From"/>).</summary>
    public StreamSummary Summary { get; private set; }

    /// <summary>When this table was last used, in the owner's clock (for least-recently-used replacement).</summary>
    public long LastUse { get; set; }

    /// <summary>Whether <paramref name="candidates"/> holds exactly the candidates this table was built from, in order.</summary>
    /// <param name="candidates">A snapshot.</param>
    /// <returns>True when the table describes it.</returns>
    public bool Holds(IReadOnlyList<RankingCandidate> candidates)
    {
        var n = candidates.Count;
        if (n != Count)
        {
            return false;
        }

        var items = _items;
        if (candidates is RankingCandidate[] array)
        {
            for (var i = 0; i < array.Length; i++)
            {
                if (!ReferenceEquals(array[i], items[i]))
                {
                    return false;
                }
            }

            return true;
        }

        for (var i = 0; i < n; i++)
        {
            if (!ReferenceEquals(candidates[i], items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes <paramref name="candidates"/> (reusing the buffers).</summary>
    /// <param name="candidates">The snapshot; no entry may be null.</param>
    public void Build(IReadOnlyList<RankingCandidate> candidates)
    {
        var n = candidates.Count;
        for (var i = 0; i < n; i++)
        {
            if (candidates[i] is null)
            {
                Count = 0;
                throw new ArgumentException("Candidates must not be null.", nameof(candidates));
            }
        }

        var stride = (n + Padding - 1) / Padding * Padding;
        if (_items.Length < n)
        {
            var size = Math.Max(stride, 16);
            _items = new RankingCandidate[size];
            Kinds = new SellerKind[size];
            Suggestible = new bool[size];
        }

        if (Columns.Length < stride * FeatureLayout.Dimension)
        {
            Columns = new double[stride * FeatureLayout.Dimension];
        }

        Count = n;
        Stride = stride;
        var summary = StreamSummary.From(candidates);
        Summary = summary;
        _categories.Reset();
        _sellers.Reset();
        _products.Reset();
        var columns = Columns;
        var features = _features;
        for (var i = 0; i < n; i++)
        {
            var c = candidates[i];
            _items[i] = c;
            Kinds[i] = c.SellerKind;
            Suggestible[i] = !c.IsPinned && c.StockLeft is not 0;
            CandidateFeaturizer.Featurize(c, summary, null, features);
            for (var f = 0; f < FeatureLayout.Dimension; f++)
            {
                columns[(f * stride) + i] = features[f];
            }
        }

        _items.AsSpan(n).Clear();
        for (var f = 0; f < FeatureLayout.Dimension; f++)
        {
            _zeroColumn[f] = IsZero(columns.AsSpan(f * stride, n));
        }
    }

    /// <summary>
    /// Writes the viewer's affinity columns (<see cref="FeatureLayout.CategoryAffinity"/>, <see cref="FeatureLayout.SellerAffinity"/>,
    /// <see cref="FeatureLayout.ProductAffinity"/>) and lists the columns that are not all zero, in increasing order:
    /// a score only needs those (a zero feature adds nothing to θ·x or to xᵀA⁻¹x).
    /// </summary>
    /// <param name="viewer">The viewer, or <see langword="null"/> for none (all affinities 0).</param>
    /// <param name="active">At least <see cref="FeatureLayout.Dimension"/> long; receives the column indices.</param>
    /// <returns>How many columns were written to <paramref name="active"/>.</returns>
    public int ResolveAffinities(ViewerAffinities? viewer, Span<int> active)
    {
        var categories = Resolve(_categories, viewer?.Categories, FeatureLayout.CategoryAffinity);
        var sellers = Resolve(_sellers, viewer?.Sellers, FeatureLayout.SellerAffinity);
        var products = Resolve(_products, viewer?.Products, FeatureLayout.ProductAffinity);
        var count = 0;
        for (var f = 0; f < FeatureLayout.Dimension; f++)
        {
            var used = f switch
            {
                FeatureLayout.CategoryAffinity => categories,
                FeatureLayout.SellerAffinity => sellers,
                FeatureLayout.ProductAffinity => products,
                _ => !_zeroColumn[f],
            };
            if (used)
            {
                active[count++] = f;
            }
        }

        return count;
    }

    /// <summary>
    /// Writes each candidate's entry of the viewer's product and category history (see <see cref="PersonalEstimate"/>)
    /// into <paramref name="products"/> and <paramref name="categories"/>, looking each of the viewer's entries up once.
    /// </summary>
    /// <param name="viewer">The viewer.</param>
    /// <param name="products">At least <see cref="Count"/> long.</param>
    /// <param name="categories">At least <see cref="Count"/> long.</param>
    /// <returns>False, writing nothing, when the viewer has no history.</returns>
    public bool ResolveHistory(ViewerAffinities viewer, Span<ViewerHistory> products, Span<ViewerHistory> categories)
    {
        if (!viewer.HasHistory)
        {
            return false;
        }

        ResolveHistory(_products, viewer.ProductHistory, products);
        ResolveHistory(_categories, viewer.CategoryHistory, categories);
        return true;
    }

    private void ResolveHistory(KeySlots slots, IReadOnlyDictionary<string, ViewerHistory> map, Span<ViewerHistory> into)
    {
        var n = Count;
        into = into[..n];
        if (map.Count == 0)
        {
            into.Clear();
            return;
        }

        slots.EnsureBuilt(_items, n);
        var histories = slots.Histories.AsSpan(0, slots.Count);
        histories.Clear();
        if (map is Dictionary<string, ViewerHistory> dictionary && IsOrdinal(dictionary.Comparer))
        {
            foreach (var (key, history) in dictionary)
            {
                if (slots.TryGetSlot(key, out var slot))
                {
                    histories[slot] = history;
                }
            }
        }
        else
        {
            for (var s = 0; s < slots.Count; s++)
            {
                histories[s] = map.TryGetValue(slots.Keys[s], out var history) ? history : default;
            }
        }

        var slotOf = slots.SlotOf;
        for (var i = 0; i < n; i++)
        {
            into[i] = slotOf[i] < 0 ? default : histories[slotOf[i]];
        }
    }

    /// <summary>Fills one affinity column; returns whether any entry is non-zero.</summary>
    private bool Resolve(KeySlots slots, IReadOnlyDictionary<string, double>? map, int feature)
    {
        var n = Count;
        var column = Columns.AsSpan(feature * Stride, n);
        if (map is null || map.Count == 0)
        {
            column.Clear();
            return false;
        }

        slots.EnsureBuilt(_items, n);
        var values = slots.Values;
        if (map is Dictionary<string, double> dictionary && IsOrdinal(dictionary.Comparer) && dictionary.Count < slots.Count)
        {
            // Fewer affinities than distinct ids: walk the viewer's entries instead of looking every id up. Both
            // dictionaries compare ordinally, so an entry matches exactly the id it would have been found by.
            values.AsSpan(0, slots.Count).Clear();
            foreach (var (key, value) in dictionary)
            {
                if (slots.TryGetSlot(key, out var slot))
                {
                    values[slot] = ViewerAffinities.Normalise(value);
                }
            }
        }
        else
        {
            for (var s = 0; s < slots.Count; s++)
            {
                values[s] = ViewerAffinities.Lookup(map, slots.Keys[s]);
            }
        }

        var slotOf = slots.SlotOf;
        var any = false;
        for (var i = 0; i < n; i++)
        {
            var slot = slotOf[i];
            var value = slot < 0 ? 0.0 : values[slot];
            column[i] = value;
            any |= value != 0.0;
        }

        return any;
    }

    private static bool IsOrdinal(IEqualityComparer<string> comparer) =>
        ReferenceEquals(comparer, EqualityComparer<string>.Default) || ReferenceEquals(comparer, StringComparer.Ordinal);

    private static bool IsZero(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (v != 0.0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The distinct ids of one kind (category, seller or product) in a snapshot, and each candidate's slot among them;
    /// worked out the first time a viewer has affinities of that kind.
    /// </summary>
    private sealed class KeySlots(Func<RankingCandidate, string?> keyOf)
    {
        private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
        private bool _built;

        /// <summary>Slot of each candidate's id; −1 when it has none.</summary>
        public int[] SlotOf { get; private set; } = [];

        /// <summary>The distinct ids, by slot.</summary>
        public string[] Keys { get; private set; } = [];

        /// <summary>Scratch for one affinity per slot.</summary>
        public double[] Values { get; private set; } = [];

        /// <summary>Scratch for one viewer history per slot.</summary>
        public ViewerHistory[] Histories { get; private set; } = [];

        /// <summary>Number of distinct ids.</summary>
        public int Count { get; private set; }

        /// <summary>Forgets the previous snapshot's ids.</summary>
        public void Reset()
        {
            Keys.AsSpan(0, Count).Clear();
            _slots.Clear();
            Count = 0;
            _built = false;
        }

        /// <summary>Assigns the slots of the first <paramref name="n"/> candidates, unless done since the last <see cref="Reset"/>.</summary>
        public void EnsureBuilt(RankingCandidate[] items, int n)
        {
            if (_built)
            {
                return;
            }

            if (SlotOf.Length < n)
            {
                var size = Math.Max(n, 16);
                SlotOf = new int[size];
                Keys = new string[size];
                Values = new double[size];
                Histories = new ViewerHistory[size];
            }

            for (var i = 0; i < n; i++)
            {
                var key = keyOf(items[i]);
                if (key is null)
                {
                    SlotOf[i] = -1;
                    continue;
                }

                if (!_slots.TryGetValue(key, out var slot))
                {
                    slot = Count++;
                    _slots.Add(key, slot);
                    Keys[slot] = key;
                }

                SlotOf[i] = slot;
            }

            _built = true;
        }

        public bool TryGetSlot(string key, out int slot) => _slots.TryGetValue(key, out slot);
    }
}
