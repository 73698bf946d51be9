using Orleans.Storage;

namespace LiveCommerce.Grains.Offers;

/// <summary>
/// Where one offer's sealed <see cref="HoldPage"/>s live: in the grain storage the offer's head uses (memory, or
/// Redis in cluster mode), each as its own record named <c>offer-page-{key}</c> of the offer grain. Pages are
/// written once under a fresh key and never changed, so they need no ETag; the ones this activation wrote or
/// read are kept, so a reload reads only the pages it does not know.
/// </summary>
public sealed class HoldPageStore(IGrainStorage storage, GrainId offer)
{
    private const string StatePrefix = "offer-page-";
    private readonly Dictionary<string, HoldPage> _known = new(StringComparer.Ordinal);

    /// <summary>Stores a new page under <paramref name="key"/>.</summary>
    public async Task WriteAsync(string key, HoldPage page)
    {
        await storage.WriteStateAsync(StatePrefix + key, offer, new GrainState<HoldPage>(page));
        _known[key] = page;
    }

    /// <summary>Forgets every known page but those of <paramref name="chain"/> (after a compaction replaced the old chain).</summary>
    public void KeepOnly(IEnumerable<string> chain)
    {
        var keep = chain.ToHashSet(StringComparer.Ordinal);
        foreach (var key in _known.Keys.Where(k => !keep.Contains(k)).ToList())
        {
            _known.Remove(key);
        }
    }

    /// <summary>
    /// The chain that ends at <paramref name="last"/>, oldest first, checked to have <paramref name="count"/> pages.
    /// </summary>
    /// <exception cref="InvalidOperationException">A page of the chain is missing, or the chain is not as long as the head says.</exception>
    public async Task<IReadOnlyList<HoldPage>> ReadChainAsync(string? last, int count)
    {
        var pages = new List<HoldPage>(count);
        for (var key = last; key is not null; key = pages[^1].Previous)
        {
            if (pages.Count >= count)
            {
                throw new InvalidOperationException($"The hold pages of {offer} run past the {count} its head names.");
            }

            pages.Add(await ReadAsync(key));
        }

        if (pages.Count != count)
        {
            throw new InvalidOperationException($"The hold pages of {offer} end after {pages.Count} of the {count} its head names.");
        }

        pages.Reverse();
        return pages;
    }

    private async Task<HoldPage> ReadAsync(string key)
    {
        if (_known.TryGetValue(key, out var known))
        {
            return known;
        }

        var read = new GrainState<HoldPage>();
        await storage.ReadStateAsync(StatePrefix + key, offer, read);
        if (!read.RecordExists || read.State is null)
        {
            throw new InvalidOperationException($"Hold page {key} of {offer} is missing.");
        }

        _known[key] = read.State;
        return read.State;
    }
}
