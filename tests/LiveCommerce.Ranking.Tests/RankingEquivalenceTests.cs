using System.Globalization;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Fairness;
using LiveCommerce.Ranking.Features;
using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.Ranking.Tests;

/// <summary>
/// The ranker against a reference built from the one-candidate pieces (<see cref="CandidateFeaturizer.Featurize(RankingCandidate, in StreamSummary, ViewerAffinities?, Span{double})"/>,
/// <see cref="Ranking.Bandit.LinUcbModel.Score"/>, a stable sort, <see cref="StochasticRankingPolicy"/>): on random snapshots,
/// viewers and settings, every score and choice probability must be the same to the bit and every order the same.
/// Snapshots are ranked repeatedly, interleaved, copied and edited in place, and the model learns between calls, so
/// nothing the ranker keeps between calls may go stale.
/// </summary>
public sealed class RankingEquivalenceTests
{
    [Fact]
    public void Scores_orders_and_probabilities_match_the_reference_bit_for_bit()
    {
        var random = new Random(4242);
        var ranker = PinnedScenario.Ranker();
        var snapshots = Enumerable.Range(0, 7).Select(_ => Edited(random, CandidateFactory.RandomSnapshot(random, random.Next(0, 700)))).ToList();
        var policy = new StochasticRankingPolicy();
        for (var trial = 0; trial < 300; trial++)
        {
            var snapshot = snapshots[random.Next(snapshots.Count)];
            switch (random.Next(0, 8))
            {
                case 0 when snapshot.Count > 0:
                    // Edited in place: the ranker must notice.
                    var index = random.Next(snapshot.Count);
                    snapshot[index] = snapshot[index] with { ListClicks = snapshot[index].ListClicks + random.Next(1, 50), CategoryId = "c" + random.Next(0, 3).ToString(CultureInfo.InvariantCulture) };
                    break;
                case 1:
                    snapshot = [.. snapshot];
                    break;
                case 2 when snapshot.Count > 0:
                    // The model learns between calls.
                    var c = snapshot[random.Next(snapshot.Count)];
                    if (!double.IsNaN(c.Examination) && c.SecondsSinceLastPinned is not double.NaN)
                    {
                        ranker.Update(c, StreamSummary.From(snapshot), Viewer(random), random.Next(1, 20), random.NextDouble());
                    }

                    break;
            }

            var context = new RankingContext
            {
                Viewer = Viewer(random),
                Explore = random.Next(0, 4) != 0,
                LocalSellerExposureFloor = random.Next(0, 3) switch { 0 => 0, 1 => 0.3, _ => random.NextDouble() },
                Temperature = random.Next(0, 3) switch { 0 => 0, 1 => 0.2, _ => random.NextDouble() * 2 },
                Seed = (ulong)random.NextInt64(),
            };

            var (scores, kinds) = ReferenceScores(ranker, snapshot, context);
            var n = snapshot.Count;
            var expectedShown = new int[n];
            var expectedProbabilities = new double[n];
            var scoreOrder = ScoreOrder(scores);
            if (context.Temperature > 0)
            {
                policy.Rank(scores, kinds, context.Temperature, context.LocalSellerExposureFloor, context.Seed, expectedShown, expectedProbabilities);
            }
            else
            {
                FairExposureReRanker.Apply(scoreOrder, kinds, context.LocalSellerExposureFloor, expectedShown);
                Array.Fill(expectedProbabilities, 1.0);
            }

            var shown = new int[n];
            Assert.Equal(n, ranker.Rank(snapshot, context, shown));
            Assert.Equal(expectedShown, shown);

            var ranked = ranker.Rank(snapshot, context);
            Assert.Equal(expectedShown, ranked.Select(r => r.CandidateIndex));
            for (var k = 0; k < n; k++)
            {
                var i = ranked[k].CandidateIndex;
                Assert.Equal(snapshot[i].ProductId, ranked[k].ProductId);
                Assert.Equal(BitConverter.DoubleToInt64Bits(scores[i]), BitConverter.DoubleToInt64Bits(ranked[k].Score));
                Assert.Equal(BitConverter.DoubleToInt64Bits(expectedProbabilities[i]), BitConverter.DoubleToInt64Bits(ranked[k].ChoiceProbability));
                Assert.Equal(Array.IndexOf(scoreOrder, i), ranked[k].ScoreRank);
            }

            var wanted = random.Next(0, 3) == 0 ? random.Next(0, 40) : 5;
            var suggestions = ranker.Suggest(snapshot, wanted, context);
            var (meanScores, _) = ReferenceScores(ranker, snapshot, context with { Viewer = null, Explore = false });
            var expectedSuggestions = ScoreOrder(meanScores).Where(i => !snapshot[i].IsPinned && snapshot[i].StockLeft is not 0).Take(wanted).ToArray();
            Assert.Equal(expectedSuggestions.Select(i => snapshot[i].ProductId), suggestions.Select(s => s.ProductId));
            Assert.Equal(expectedSuggestions.Select(i => BitConverter.DoubleToInt64Bits(meanScores[i])), suggestions.Select(s => BitConverter.DoubleToInt64Bits(s.Score)));
        }
    }

    /// <summary>Scores from the one-candidate path: featurize, score with the model, add the anchor; NaN ranks last.</summary>
    private static (double[] Scores, SellerKind[] Kinds) ReferenceScores(ProductRanker ranker, IReadOnlyList<RankingCandidate> snapshot, RankingContext context)
    {
        var stream = StreamSummary.From(snapshot);
        var features = new double[FeatureLayout.Dimension];
        var scores = new double[snapshot.Count];
        var kinds = new SellerKind[snapshot.Count];
        for (var i = 0; i < snapshot.Count; i++)
        {
            CandidateFeaturizer.Featurize(snapshot[i], stream, context.Viewer, features);
            var score = ranker.Model.Score(features, context.Explore) + (ProductRanker.AttractivenessAnchor * features[FeatureLayout.Attractiveness]);
            if (context.Viewer is { } viewer)
            {
                score += viewer.PersonalShift(snapshot[i], ranker.Model.PredictMean(features));
            }

            scores[i] = double.IsNaN(score) ? double.NegativeInfinity : score;
            kinds[i] = snapshot[i].SellerKind;
        }

        return (scores, kinds);
    }

    /// <summary>Candidate indices by decreasing score, equal scores by increasing index.</summary>
    private static int[] ScoreOrder(double[] scores) =>
        [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i)];

    /// <summary>A snapshot with awkward candidates mixed in: no category or seller, NaN counts, duplicate ids, equal twins.</summary>
    private static List<RankingCandidate> Edited(Random random, RankingCandidate[] snapshot)
    {
        for (var i = 0; i < snapshot.Length; i++)
        {
            snapshot[i] = random.Next(0, 12) switch
            {
                0 => snapshot[i] with { CategoryId = null },
                1 => snapshot[i] with { SellerId = null, SecondsSinceLastPinned = null },
                2 => snapshot[i] with { Examination = double.NaN },
                3 when i > 0 => snapshot[i - 1] with { },
                4 when i > 0 => snapshot[i] with { ProductId = snapshot[i - 1].ProductId },
                5 => snapshot[i] with { SecondsSinceLastPinned = double.NaN, IsPinned = random.Next(0, 2) == 0 },
                _ => snapshot[i],
            };
        }

        return [.. snapshot];
    }

    /// <summary>No viewer, a viewer with nothing, or affinities held in dictionaries of several kinds and comparers.</summary>
    private static ViewerAffinities? Viewer(Random random)
    {
        switch (random.Next(0, 6))
        {
            case 0:
                return null;
            case 1:
                return ViewerAffinities.None;
        }

        IReadOnlyDictionary<string, double> Map(string prefix, int keys, int count)
        {
            var comparer = random.Next(0, 3) switch { 0 => StringComparer.Ordinal, 1 => StringComparer.OrdinalIgnoreCase, _ => (IEqualityComparer<string>?)null };
            var map = new Dictionary<string, double>(comparer);
            for (var k = 0; k < count; k++)
            {
                var key = (random.Next(0, 5) == 0 ? prefix.ToUpperInvariant() : prefix) + random.Next(0, keys).ToString(CultureInfo.InvariantCulture);
                map[key] = random.Next(0, 10) switch { 0 => double.NaN, 1 => -0.5, 2 => 1.7, _ => random.NextDouble() };
            }

            return random.Next(0, 4) == 0 ? new SortedDictionary<string, double>(map, StringComparer.Ordinal) : map;
        }

        return new ViewerAffinities
        {
            Categories = Map("c", 14, random.Next(0, 20)),
            Sellers = Map("s", 45, random.Next(0, 60)),
            Products = Map("p", 700, random.Next(0, random.Next(0, 2) == 0 ? 10 : 900)),
            ProductHistory = History("p", 700, random.Next(0, 3) == 0 ? 0 : random.Next(0, 40)),
            CategoryHistory = History("c", 14, random.Next(0, 3) == 0 ? 0 : random.Next(0, 8)),
            Overall = random.Next(0, 4) == 0 ? default : new ViewerHistory(random.NextDouble() * 60, random.Next(0, 20)),
        };

        IReadOnlyDictionary<string, ViewerHistory> History(string prefix, int keys, int count)
        {
            var map = new Dictionary<string, ViewerHistory>(random.Next(0, 2) == 0 ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
            for (var k = 0; k < count; k++)
            {
                var looks = random.NextDouble() * 10;
                map[prefix + random.Next(0, keys).ToString(CultureInfo.InvariantCulture)] = new ViewerHistory(looks, Math.Floor(looks * random.NextDouble()));
            }

            return random.Next(0, 4) == 0 ? new SortedDictionary<string, ViewerHistory>(map, StringComparer.Ordinal) : map;
        }
    }
}
