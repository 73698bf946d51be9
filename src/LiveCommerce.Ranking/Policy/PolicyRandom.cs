namespace LiveCommerce.Ranking.Policy;

/// <summary>
/// The random source of the stochastic ranking policy: xoshiro256** seeded from one 64-bit value through a
/// SplitMix64 expansion. Unlike <see cref="Random"/> it takes a full 64-bit seed and its sequence is fixed by this
/// file alone, so a list logged by the engine can be re-sampled offline, bit for bit, from its seed
/// (see <see cref="ListSeed"/>). Changing the generator changes which order a logged seed reproduces.
/// <para>Not thread-safe; <see cref="Reset(ulong)"/> reuses an instance without allocating.</para>
/// </summary>
public sealed class PolicyRandom
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator positioned at the start of <paramref name="seed"/>'s sequence.</summary>
    /// <param name="seed">Any 64-bit value, 0 included.</param>
    public PolicyRandom(ulong seed) => Reset(seed);

    /// <summary>Restarts the sequence of <paramref name="seed"/>.</summary>
    /// <param name="seed">Any 64-bit value, 0 included.</param>
    public void Reset(ulong seed)
    {
        // SplitMix64 never yields four zero words in a row, so the state is never all-zero.
        var x = seed;
        _s0 = ListSeed.SplitMix64(ref x);
        _s1 = ListSeed.SplitMix64(ref x);
        _s2 = ListSeed.SplitMix64(ref x);
        _s3 = ListSeed.SplitMix64(ref x);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    /// <returns>A uniform 64-bit value.</returns>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>A value in [0, 1).</returns>
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>A uniform double in the open interval (0, 1): never 0, never 1, so its logarithm is finite.</summary>
    /// <returns>A value in (0, 1).</returns>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * UnitScale;

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    /// <param name="maxExclusive">Upper bound, at least 1.</param>
    /// <returns>A value in [0, maxExclusive).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is below 1.</exception>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);

        // Lemire's multiply-shift with rejection: unbiased for every bound.
        var bound = (ulong)maxExclusive;
        var product = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0UL - bound) % bound;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return (int)product;
    }
}
