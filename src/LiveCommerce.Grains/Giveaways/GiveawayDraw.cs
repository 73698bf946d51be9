using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace LiveCommerce.Grains.Giveaways;

/// <summary>
/// The giveaway draw, which anyone can recompute from what the engine publishes (docs/sale-formats.md):
/// <list type="number">
/// <item>the commitment is the lowercase hex SHA-256 of the seed's UTF-8 bytes;</item>
/// <item>the entrants are sorted by ordinal comparison of their ids;</item>
/// <item>for k = 0, 1, … while k &lt; winners and k &lt; n: r = SHA-256 of the UTF-8 bytes of seed + ":" + k, read as an
/// unsigned big-endian 256-bit number; j = k + (r mod (n − k)); swap positions k and j;</item>
/// <item>the winners are the first min(winners, n) entrants, in that order.</item>
/// </list>
/// </summary>
public static class GiveawayDraw
{
    /// <summary>A new secret seed: 32 random bytes as 64 lowercase hex characters.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The commitment to <paramref name="seed"/>.</summary>
    public static string CommitmentOf(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    /// <summary>The entrants in the draw's order: sorted ordinally.</summary>
    public static List<string> Sorted(IEnumerable<string> entrants)
    {
        var sorted = entrants.ToList();
        sorted.Sort(StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>Draws <paramref name="winners"/> of <paramref name="entrants"/> (any order; they are sorted first) from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<string> Winners(string seed, IEnumerable<string> entrants, int winners)
    {
        var pool = Sorted(entrants);
        var n = pool.Count;
        var draws = Math.Min(winners, n);
        for (var k = 0; k < draws; k++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + ":" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var r = new BigInteger(hash, isUnsigned: true, isBigEndian: true);
            var j = k + (int)(r % (n - k));
            (pool[k], pool[j]) = (pool[j], pool[k]);
        }

        return pool.GetRange(0, draws);
    }
}
