namespace LiveCommerce.Ranking.Policy;

/// <summary>
/// Deterministic 64-bit seeds for ranked lists. The engine seeds the sampler of each list with
/// <see cref="FromListId(string)"/> of the list id it logs, so the list can be drawn again offline from the log
/// alone. The hash is part of the log contract: FNV-1a (64-bit) over the UTF-8 bytes of the id, followed by the
/// SplitMix64 finaliser to spread the bits. It does not depend on the process, the machine or the .NET version
/// (unlike <see cref="string.GetHashCode()"/>).
/// </summary>
public static class ListSeed
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The seed of the list with id <paramref name="listId"/>.</summary>
    /// <param name="listId">The list id (any string; unpaired surrogates hash as U+FFFD).</param>
    /// <returns>The 64-bit seed.</returns>
    public static ulong FromListId(string listId)
    {
        ArgumentNullException.ThrowIfNull(listId);
        var hash = FnvOffset;
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in listId.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < length; i++)
            {
                hash = (hash ^ utf8[i]) * FnvPrime;
            }
        }

        return Mix(hash);
    }

    /// <summary>The SplitMix64 finaliser: a bijection of 64-bit values that spreads every input bit over the output.</summary>
    /// <param name="value">Any value.</param>
    /// <returns>The mixed value.</returns>
    public static ulong Mix(ulong value)
    {
        var z = value;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Derives a new seed from a seed and a value (for example a sample number or a policy tag).</summary>
    /// <param name="seed">The parent seed.</param>
    /// <param name="value">The value to fold in.</param>
    /// <returns>A seed that differs for every (seed, value) pair in practice.</returns>
    public static ulong Combine(ulong seed, ulong value) => Mix(seed + GoldenGamma + Mix(value ^ 0xD6E8FEB86659FD93UL));

    /// <summary>One SplitMix64 step: advances <paramref name="state"/> and returns the next output.</summary>
    /// <param name="state">The generator state.</param>
    /// <returns>The next value.</returns>
    internal static ulong SplitMix64(ref ulong state)
    {
        state += GoldenGamma;
        return Mix(state);
    }
}
