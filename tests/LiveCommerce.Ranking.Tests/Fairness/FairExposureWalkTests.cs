using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Fairness;

namespace LiveCommerce.Ranking.Tests.Fairness;

public sealed class FairExposureWalkTests
{
    [Fact]
    public void The_walk_places_every_product_where_the_scanning_walk_did()
    {
        var random = new Random(2718);
        for (var trial = 0; trial < 3_000; trial++)
        {
            var n = trial % 100 == 0 ? random.Next(1_000, 2_500) : random.Next(0, 90);
            var kinds = new SellerKind[n + random.Next(0, 3)];
            var localShare = random.NextDouble();
            for (var i = 0; i < kinds.Length; i++)
            {
                kinds[i] = random.NextDouble() < localShare ? SellerKind.LocalSme : (SellerKind)random.Next(1, 3);
            }

            var scoreOrder = Enumerable.Range(0, kinds.Length).OrderBy(_ => random.Next()).Take(n).ToArray();
            var floor = random.Next(0, 5) switch { 0 => 0, 1 => 0.3, 2 => 1, 3 => double.NaN, _ => (random.NextDouble() * 1.4) - 0.2 };
            var shown = new int[n];
            var expected = new int[n];

            FairExposureReRanker.Apply(scoreOrder, kinds, floor, shown);
            ScanningWalk(scoreOrder, kinds, floor, expected);

            Assert.Equal(expected, shown);
        }
    }

    /// <summary>The walk as it was first written: scanning the score order for the next product of each group.</summary>
    private static void ScanningWalk(ReadOnlySpan<int> scoreOrder, ReadOnlySpan<SellerKind> kinds, double floor, Span<int> destination)
    {
        var n = scoreOrder.Length;
        var f = FairExposureReRanker.NormaliseFloor(floor);
        var totalLocal = 0;
        if (f > 0)
        {
            for (var i = 0; i < n; i++)
            {
                if (kinds[scoreOrder[i]] == SellerKind.LocalSme)
                {
                    totalLocal++;
                }
            }
        }

        if (totalLocal == 0)
        {
            scoreOrder.CopyTo(destination);
            return;
        }

        var nextLocal = NextOf(scoreOrder, kinds, 0, local: true);
        var nextOther = NextOf(scoreOrder, kinds, 0, local: false);
        var placedLocal = 0;
        var localExamination = 0.0;
        var prefixExamination = 0.0;
        for (var position = 1; position <= n; position++)
        {
            var weight = Examination.Weight(position);
            prefixExamination += weight;
            var shortOfCount = placedLocal < FairExposureReRanker.RequiredLocal(f, position, totalLocal);
            var shortOfShare = localExamination + 1e-9 < f * prefixExamination;
            var takeLocal = nextLocal < n && (shortOfCount || shortOfShare || nextOther >= n || nextLocal < nextOther);
            if (takeLocal)
            {
                destination[position - 1] = scoreOrder[nextLocal];
                placedLocal++;
                localExamination += weight;
                nextLocal = NextOf(scoreOrder, kinds, nextLocal + 1, local: true);
            }
            else
            {
                destination[position - 1] = scoreOrder[nextOther];
                nextOther = NextOf(scoreOrder, kinds, nextOther + 1, local: false);
            }
        }
    }

    private static int NextOf(ReadOnlySpan<int> scoreOrder, ReadOnlySpan<SellerKind> kinds, int start, bool local)
    {
        var i = start;
        while (i < scoreOrder.Length && (kinds[scoreOrder[i]] == SellerKind.LocalSme) != local)
        {
            i++;
        }

        return i;
    }
}
