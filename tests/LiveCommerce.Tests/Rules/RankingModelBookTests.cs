using LiveCommerce.Grains.Ranking;
using LiveCommerce.Ranking.Bandit;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Tests.Rules;

/// <summary>
/// The shared model's rules against a small reference: several sources send numbered batches in order, each sent
/// again any number of times (lost answers) and old copies replayed late; the model must hold exactly the batches a
/// source sent for the first time, each once.
/// </summary>
public sealed class RankingModelBookTests
{
    [Fact]
    public void Resent_and_replayed_batches_are_taken_once_in_any_interleaving()
    {
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var state = new RankingModelState();
            var sent = new Dictionary<string, List<RankingModelDelta>>();
            long expectedObservations = 0;
            var expectedResponse = new double[FeatureLayout.Dimension];
            var sources = Enumerable.Range(0, random.Next(1, 4)).Select(i => $"silo-{seed}-{i}").ToArray();
            for (var step = 0; step < 60; step++)
            {
                var source = sources[random.Next(sources.Length)];
                var batches = sent.TryGetValue(source, out var list) ? list : sent[source] = [];
                RankingModelDelta delta;
                var fresh = batches.Count == 0 || random.Next(3) == 0;
                if (fresh)
                {
                    delta = Batch(random, source, batches.Count + 1);
                    batches.Add(delta);
                    expectedObservations += delta.Observations;
                    for (var i = 0; i < expectedResponse.Length; i++)
                    {
                        expectedResponse[i] += delta.Response[i];
                    }
                }
                else
                {
                    delta = batches[random.Next(batches.Count)]; // a resend, or an old copy arriving late
                }

                Assert.Equal(!fresh, RankingModelBook.AlreadyTaken(state, delta));
                if (!RankingModelBook.AlreadyTaken(state, delta))
                {
                    var before = state.Model;
                    var next = RankingModelBook.Take(state, delta, start.AddSeconds(step), TimeSpan.MaxValue);
                    Assert.Same(before, state.Model); // the state given is never changed
                    state = next;
                }
            }

            var model = RankingModelBook.Snapshot(state);
            Assert.Equal(expectedObservations, model.UpdateCount);
            for (var i = 0; i < expectedResponse.Length; i++)
            {
                var prior = model.Ridge * FeatureLayout.PriorMean[i];
                Assert.Equal(prior + expectedResponse[i], model.Response[i], 1e-7);
            }
        }
    }

    [Fact]
    public void Evidence_halves_after_one_half_life_and_keeps_the_prior()
    {
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(1);
        var first = Batch(random, "s", 1);
        var state = RankingModelBook.Take(new RankingModelState(), first, start, TimeSpan.FromHours(2));
        var empty = first with { Sequence = 2, Design = new double[first.Design.Length], Response = new double[first.Response.Length] };
        var later = RankingModelBook.Snapshot(RankingModelBook.Take(state, empty, start.AddHours(2), TimeSpan.FromHours(2)));
        for (var i = 0; i < FeatureLayout.Dimension; i++)
        {
            var prior = later.Ridge * FeatureLayout.PriorMean[i];
            Assert.Equal(prior + (0.5 * first.Response[i]), later.Response[i], 1e-9);
        }
    }

    private static RankingModelDelta Batch(Random random, string source, long sequence)
    {
        var batch = new ModelBatch();
        var x = new double[FeatureLayout.Dimension];
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = i == FeatureLayout.Bias ? 1 : (random.NextDouble() * 2) - 1;
            }

            batch.Add(x, 0.25 + (0.75 * random.NextDouble()), random.Next(2) * 0.25);
        }

        var (design, response) = batch.ToArrays();
        return new RankingModelDelta
        {
            Dimension = batch.Dimension, Design = design, Response = response, Observations = batch.Observations, Source = source, Sequence = sequence,
        };
    }
}
