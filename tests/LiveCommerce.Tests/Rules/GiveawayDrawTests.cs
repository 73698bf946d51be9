using System.Security.Cryptography;
using System.Text;
using LiveCommerce.Grains.Giveaways;

namespace LiveCommerce.Tests.Rules;

/// <summary>The giveaway draw recomputed from what the engine publishes, by the rule in docs/sale-formats.md.</summary>
public sealed class GiveawayDrawTests
{
    [Fact]
    public void The_commitment_is_the_sha256_of_the_seed_and_the_seed_is_64_lowercase_hex()
    {
        var seed = GiveawayDraw.NewSeed();
        Assert.Matches("^[0-9a-f]{64}$", seed);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed))).ToLowerInvariant(), GiveawayDraw.CommitmentOf(seed));
    }

    [Fact]
    public void Anyone_recomputes_the_winners_from_the_seed_and_the_sorted_entrants()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var seed = GiveawayDraw.NewSeed();
            var entrants = Enumerable.Range(0, random.Next(0, 40)).Select(i => "viewer-" + random.Next(0, 1_000_000) + "-" + i).ToList();
            var winners = random.Next(1, 10);
            var drawn = GiveawayDraw.Winners(seed, entrants.OrderBy(_ => random.Next()), winners);
            Assert.Equal(Recompute(seed, entrants, winners), drawn);
            Assert.Equal(Math.Min(winners, entrants.Count), drawn.Distinct().Count());
        }
    }

    [Fact]
    public void Every_entrant_has_about_the_same_chance()
    {
        var entrants = Enumerable.Range(0, 10).Select(i => "v" + i).ToList();
        var wins = entrants.ToDictionary(e => e, _ => 0);
        for (var run = 0; run < 4_000; run++)
        {
            foreach (var winner in GiveawayDraw.Winners(GiveawayDraw.NewSeed(), entrants, 2))
            {
                wins[winner]++;
            }
        }

        // 800 expected each; 5 standard deviations is about ±127.
        Assert.All(wins.Values, count => Assert.InRange(count, 650, 950));
    }

    /// <summary>The documented rule, written out again with plain arithmetic on the hash bytes.</summary>
    private static List<string> Recompute(string seed, List<string> entrants, int winners)
    {
        var pool = entrants.OrderBy(e => e, StringComparer.Ordinal).ToList();
        for (var k = 0; k < Math.Min(winners, pool.Count); k++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{k}"));
            var left = pool.Count - k;
            var r = 0L;
            foreach (var b in hash)
            {
                r = ((r * 256) + b) % left;
            }

            var j = k + (int)r;
            (pool[k], pool[j]) = (pool[j], pool[k]);
        }

        return pool.Take(Math.Min(winners, pool.Count)).ToList();
    }
}
