namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>
/// Derives independent, reproducible seeds from the simulation's seed (a SplitMix64 step per part), so each
/// viewer's clicks in each round come from their own <see cref="Random"/>: the same in every mode and every
/// process, whatever order the calls run in. (<see cref="HashCode"/> is randomised per process, so it is not used.)
/// </summary>
public static class Seeds
{
    /// <summary>The random source of one part of the simulation.</summary>
    /// <param name="seed">The simulation's seed.</param>
    /// <param name="parts">What the source is for (for example a stream tag, a round and a viewer).</param>
    /// <returns>A seeded <see cref="Random"/>.</returns>
    public static Random For(int seed, params int[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var state = unchecked((ulong)seed);
        foreach (var part in parts)
        {
            state = Mix(state ^ unchecked((ulong)part));
        }

        return new Random(unchecked((int)(Mix(state) >> 33)));
    }

    private static ulong Mix(ulong value)
    {
        unchecked
        {
            value += 0x9E3779B97F4A7C15UL;
            value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
            value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
            return value ^ (value >> 31);
        }
    }
}
