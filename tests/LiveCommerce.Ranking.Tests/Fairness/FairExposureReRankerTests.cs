using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Fairness;

namespace LiveCommerce.Ranking.Tests.Fairness;

public sealed class FairExposureReRankerTests
{
    [Fact]
    public void Floor_property_holds_on_many_random_lists()
    {
        var random = new Random(12345);
        for (var trial = 0; trial < 3_000; trial++)
        {
            var n = random.Next(0, 80);
            var kinds = RandomKinds(random, n, localShare: random.NextDouble());
            var scoreOrder = RandomPermutation(random, n);
            var floor = trial % 10 == 0 ? random.Next(0, 2) : random.NextDouble();

            var result = new int[n];
            FairExposureReRanker.Apply(scoreOrder, kinds, floor, result);

            AssertPermutation(scoreOrder, result);
            var totalLocal = kinds.Count(k => k == SellerKind.LocalSme);
            var localSoFar = 0;
            double localExamination = 0, prefixExamination = 0;
            for (var k = 1; k <= n; k++)
            {
                var weight = 1.0 / Math.Log2(1.0 + k);
                prefixExamination += weight;
                if (kinds[result[k - 1]] == SellerKind.LocalSme)
                {
                    localSoFar++;
                    localExamination += weight;
                }

                var required = Math.Min((int)Math.Floor((floor * k) + 1e-9), totalLocal);
                Assert.True(localSoFar >= required, $"trial {trial}: prefix {k} has {localSoFar} local-sme, needs {required} (floor {floor}, n {n})");
                if (localSoFar < totalLocal)
                {
                    Assert.True(
                        localExamination >= (floor * prefixExamination) - 1e-9,
                        $"trial {trial}: prefix {k} gives local-sme {localExamination:F3} of {prefixExamination:F3} examination (floor {floor}, n {n})");
                }
            }

            Assert.True(FairExposureReRanker.Holds([.. result.Select(i => kinds[i])], floor), $"trial {trial}: Holds disagrees");

            AssertNonLocalNeverLifted(scoreOrder, result, kinds, trial);
            AssertOrderWithinGroupsKept(scoreOrder, result, kinds);
        }
    }

    [Fact]
    public void Platform_products_are_never_lifted_above_their_score_position()
    {
        var random = new Random(99);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var n = random.Next(3, 60);
            var kinds = RandomKinds(random, n, localShare: 0.5);
            var scoreOrder = RandomPermutation(random, n);
            var result = new int[n];
            FairExposureReRanker.Apply(scoreOrder, kinds, random.NextDouble(), result);

            for (var position = 0; position < n; position++)
            {
                var candidate = result[position];
                if (kinds[candidate] == SellerKind.Platform)
                {
                    Assert.True(position >= Array.IndexOf(scoreOrder, candidate));
                }
            }
        }
    }

    [Fact]
    public void Floor_zero_is_the_pure_score_order()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 500; trial++)
        {
            var n = random.Next(0, 50);
            var kinds = RandomKinds(random, n, localShare: 0.3);
            var scoreOrder = RandomPermutation(random, n);
            var result = new int[n];
            FairExposureReRanker.Apply(scoreOrder, kinds, 0.0, result);
            Assert.Equal(scoreOrder, result);
        }
    }

    [Fact]
    public void Few_local_sellers_are_placed_as_early_as_the_floor_requires()
    {
        // 10 products, only 2 local-sme at the bottom of the score order, floor 0.5.
        var kinds = Enumerable.Repeat(SellerKind.Brand, 10).ToArray();
        kinds[8] = SellerKind.LocalSme;
        kinds[9] = SellerKind.LocalSme;
        var scoreOrder = Enumerable.Range(0, 10).ToArray();
        var result = new int[10];

        FairExposureReRanker.Apply(scoreOrder, kinds, 0.5, result);

        // The first slot gets half of prefix 1's examination only if a local takes it; prefix 3's examination (2.13)
        // needs 1.07 from locals, more than slot 1's 1.0, so the second local takes slot 3 (prefix 4's count of 2 holds too).
        Assert.Equal([8, 0, 9, 1, 2, 3, 4, 5, 6, 7], result);
    }

    [Fact]
    public void Full_floor_puts_every_local_seller_first_when_they_are_all_needed()
    {
        var kinds = new[] { SellerKind.Platform, SellerKind.Brand, SellerKind.LocalSme, SellerKind.LocalSme, SellerKind.LocalSme, SellerKind.Brand };
        var result = new int[6];
        FairExposureReRanker.Apply([0, 1, 2, 3, 4, 5], kinds, 1.0, result);
        Assert.Equal([2, 3, 4, 0, 1, 5], result);
    }

    [Fact]
    public void Default_floor_on_a_typical_list()
    {
        // Scores: B B P B L B L L; floor 0.3. Slot 1 gets 1/(1+0.63+…) of the attention, so a local must take it; then
        // 1.0 of local examination covers 0.3 of every prefix up to 6 (3.30), and prefix 7 (3.64 → 1.09) needs the next.
        var kinds = new[]
        {
            SellerKind.Brand, SellerKind.Brand, SellerKind.Platform, SellerKind.Brand,
            SellerKind.LocalSme, SellerKind.Brand, SellerKind.LocalSme, SellerKind.LocalSme,
        };
        var result = new int[8];
        FairExposureReRanker.Apply([0, 1, 2, 3, 4, 5, 6, 7], kinds, FairExposureDefaults.Floor, result);
        Assert.Equal([4, 0, 1, 2, 3, 5, 6, 7], result);
    }

    [Fact]
    public void Short_lists_and_floors_out_of_range_are_handled()
    {
        var result = new int[2];
        FairExposureReRanker.Apply([1, 0], [SellerKind.LocalSme, SellerKind.Brand], 1.0, result);
        Assert.Equal([0, 1], result); // the first slot is protected too

        Assert.Equal(0, FairExposureReRanker.RequiredLocal(double.NaN, 10, 10));
        Assert.Equal(10, FairExposureReRanker.RequiredLocal(7.0, 10, 10));
        Assert.Equal(0, FairExposureReRanker.RequiredLocal(-1.0, 10, 10));
        Assert.Equal(3, FairExposureReRanker.RequiredLocal(0.3, 10, 10));
    }

    private static SellerKind[] RandomKinds(Random random, int n, double localShare)
    {
        var kinds = new SellerKind[n];
        for (var i = 0; i < n; i++)
        {
            kinds[i] = random.NextDouble() < localShare
                ? SellerKind.LocalSme
                : random.Next(0, 2) == 0 ? SellerKind.Brand : SellerKind.Platform;
        }

        return kinds;
    }

    private static int[] RandomPermutation(Random random, int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static void AssertPermutation(int[] expected, int[] actual) =>
        Assert.Equal(expected.Order(), actual.Order());

    private static void AssertNonLocalNeverLifted(int[] scoreOrder, int[] result, SellerKind[] kinds, int trial)
    {
        for (var position = 0; position < result.Length; position++)
        {
            if (kinds[result[position]] != SellerKind.LocalSme)
            {
                var scorePosition = Array.IndexOf(scoreOrder, result[position]);
                Assert.True(position >= scorePosition, $"trial {trial}: {kinds[result[position]]} lifted from {scorePosition} to {position}");
            }
        }
    }

    private static void AssertOrderWithinGroupsKept(int[] scoreOrder, int[] result, SellerKind[] kinds)
    {
        bool IsLocal(int c) => kinds[c] == SellerKind.LocalSme;
        Assert.Equal(scoreOrder.Where(IsLocal), result.Where(IsLocal));
        Assert.Equal(scoreOrder.Where(c => !IsLocal(c)), result.Where(c => !IsLocal(c)));
    }
}
